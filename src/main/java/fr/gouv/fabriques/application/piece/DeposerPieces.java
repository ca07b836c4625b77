package fr.gouv.fabriques.application.piece;

import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.TypePiece;
import fr.gouv.fabriques.domain.Violation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant attaches files to his dossier (POST /api/dossiers/{numero}/pieces).
 * All the files of one upload are checked first, then stored together, or none: type
 * recognised from the content (PDF, PNG, JPEG, ODT, DOCX), size per file and for the
 * whole dossier. A content already in the dossier (same SHA-256) is not stored again.
 */
@Service
public class DeposerPieces {

    private final PieceRepository pieces;
    private final Journal journal;
    private final Clock horloge;
    private final LimitesPieces limites;

    public DeposerPieces(PieceRepository pieces, Journal journal, Clock horloge, LimitesPieces limites) {
        this.pieces = pieces;
        this.journal = journal;
        this.horloge = horloge;
        this.limites = limites;
    }

    private record Examine(String nom, byte[] contenu, TypePiece type, String sha256) {
    }

    @Transactional
    public ResultatDepotPieces deposer(Dossier dossier, String categorieDemandee, List<FichierRecu> fichiers) {
        if (dossier.statut().estFinal()) {
            throw new ErreurMetier("statut", "Le dossier " + dossier.numero() + " est « " + dossier.statut().libelle()
                    + " » : son instruction est terminée, aucune pièce ne peut plus y être jointe.");
        }
        if (fichiers == null || fichiers.isEmpty()) {
            throw new ErreursValidation("fichier", "au moins un fichier est attendu, dans une partie multipart nommée « fichier »");
        }
        CategoriePiece categorie = categorie(categorieDemandee, dossier);
        long maxFichier = limites.tailleMaxFichier().toBytes();
        List<Violation> types = new ArrayList<>();
        List<Violation> tailles = new ArrayList<>();
        List<Examine> examines = new ArrayList<>();
        for (FichierRecu f : fichiers) {
            String nom = Piece.nomNettoye(f.nom());
            byte[] contenu = f.contenu() == null ? new byte[0] : f.contenu();
            if (contenu.length == 0) {
                types.add(new Violation("fichier", "« " + nom + " » est vide"));
                continue;
            }
            if (contenu.length > maxFichier) {
                tailles.add(new Violation("fichier", "« " + nom + " » fait " + Piece.tailleDetaillee(contenu.length)
                        + " ; attendu : " + Piece.tailleDetaillee(maxFichier) + " au plus par fichier"));
                continue;
            }
            Optional<TypePiece> type = TypePiece.detecter(contenu);
            if (type.isEmpty()) {
                types.add(new Violation("fichier", "« " + nom + " » n'est pas un fichier " + TypePiece.listeLisible()
                        + " : son contenu ne correspond à aucun de ces formats, quel que soit son nom"));
                continue;
            }
            examines.add(new Examine(nom, contenu, type.get(), sha256(contenu)));
        }
        if (!tailles.isEmpty()) {
            tailles.addAll(types);
            throw new PiecesTropVolumineuses(tailles);
        }
        if (!types.isEmpty()) {
            throw new ErreursValidation(types);
        }

        pieces.reserverDossier(dossier.id());
        Map<String, Examine> nouveaux = new LinkedHashMap<>();
        for (Examine e : examines) {
            if (pieces.parEmpreinte(dossier.id(), e.sha256()).isEmpty()) {
                nouveaux.putIfAbsent(e.sha256(), e);
            }
        }
        long deja = pieces.tailleTotale(dossier.id());
        long ajout = nouveaux.values().stream().mapToLong(e -> e.contenu().length).sum();
        long maxDossier = limites.tailleMaxDossier().toBytes();
        if (deja + ajout > maxDossier) {
            throw new PiecesTropVolumineuses(List.of(new Violation("fichier", "les pièces d'un dossier font "
                    + Piece.tailleLisible(maxDossier) + " au plus : le dossier " + dossier.numero() + " en compte déjà "
                    + Piece.tailleDetaillee(deja) + ", cet envoi en ajouterait " + Piece.tailleDetaillee(ajout)
                    + " (il reste " + Piece.tailleDetaillee(Math.max(0, maxDossier - deja)) + ")")));
        }

        Instant maintenant = horloge.instant();
        Map<String, Piece> ajoutees = new LinkedHashMap<>();
        for (Examine e : nouveaux.values()) {
            ajoutees.put(e.sha256(), pieces.ajouter(dossier.id(), e.nom(), e.type(), e.sha256(), categorie, e.contenu(), maintenant));
        }
        List<ResultatDepotPieces.Ligne> lignes = new ArrayList<>();
        Map<String, Boolean> dejaVu = new LinkedHashMap<>();
        for (Examine e : examines) {
            Piece nouvelle = ajoutees.get(e.sha256());
            boolean premiere = nouvelle != null && dejaVu.putIfAbsent(e.sha256(), true) == null;
            Piece piece = nouvelle != null ? nouvelle : pieces.parEmpreinte(dossier.id(), e.sha256()).orElseThrow();
            lignes.add(new ResultatDepotPieces.Ligne(piece, !premiere));
        }
        if (!ajoutees.isEmpty()) {
            journal.noter(dossier.id(), TypeEvenement.PIECES_DEPOSEES, "Pièces jointes (" + categorie.libelle() + ") : "
                    + ajoutees.values().stream().map(Piece::nom).collect(Collectors.joining(", ")), true, "porteur", maintenant);
        }
        return new ResultatDepotPieces(lignes);
    }

    /** The category asked for; by default « complément » while the dossier awaits complements, else « autre ». */
    private static CategoriePiece categorie(String demandee, Dossier dossier) {
        if (demandee == null || demandee.isBlank()) {
            return dossier.statut() == StatutDossier.EN_ATTENTE_COMPLEMENTS ? CategoriePiece.COMPLEMENT : CategoriePiece.AUTRE;
        }
        try {
            return CategoriePiece.valueOf(demandee.strip());
        } catch (IllegalArgumentException e) {
            throw new ErreursValidation("categorie", "valeur inconnue « " + demandee + " » ; valeurs permises : "
                    + Arrays.stream(CategoriePiece.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible", e);
        }
    }
}
