package fr.gouv.fabriques.application.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Contact;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Structure;
import fr.gouv.fabriques.domain.TypePiece;
import fr.gouv.fabriques.domain.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The upload rules, with an in-memory store and small limits (1 kB a file, 3 kB a dossier). */
class DeposerPiecesTest {

    /** In-memory {@link PieceRepository}: enough to see what was stored. */
    static final class Pieces implements PieceRepository {
        final List<Contenu> stockees = new ArrayList<>();
        int reservations;

        @Override
        public void reserverDossier(long dossierId) {
            reservations++;
        }

        @Override
        public List<Piece> parDossier(long dossierId) {
            return stockees.stream().map(Contenu::piece).filter(p -> p.dossierId() == dossierId).toList();
        }

        @Override
        public Optional<Piece> parEmpreinte(long dossierId, String sha256) {
            return parDossier(dossierId).stream().filter(p -> p.sha256().equals(sha256)).findFirst();
        }

        @Override
        public long tailleTotale(long dossierId) {
            return parDossier(dossierId).stream().mapToLong(Piece::taille).sum();
        }

        @Override
        public Piece ajouter(long dossierId, String nom, TypePiece type, String sha256, CategoriePiece categorie, byte[] contenu, Instant le) {
            Piece p = new Piece(stockees.size() + 1, dossierId, nom, type, contenu.length, sha256, categorie, le);
            stockees.add(new Contenu(p, contenu));
            return p;
        }

        @Override
        public Optional<Contenu> contenu(long dossierId, long pieceId) {
            return stockees.stream().filter(c -> c.piece().dossierId() == dossierId && c.piece().id() == pieceId).findFirst();
        }
    }

    final Pieces pieces = new Pieces();
    final List<String> journal = new ArrayList<>();
    final Journal faux = new Journal() {
        @Override
        public long noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand) {
            journal.add(type + " " + libelle + (visiblePorteur ? " (visible)" : ""));
            return journal.size();
        }

        @Override
        public List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur) {
            return List.of();
        }
    };
    final DeposerPieces deposer = new DeposerPieces(pieces, faux, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC),
            new LimitesPieces(DataSize.ofBytes(1024), DataSize.ofBytes(3 * 1024)));

    static Dossier dossier(long id, StatutDossier statut) {
        return new Dossier(id, "FDT-2026-00" + id, Appel.FABRIQUES_TERRITOIRE, "FDT-2026-12", Categorie.HORS_GRANDS_CENTRES,
                new Structure("Association La Fabrique du Val", new Siret("73282932000074"), FormeJuridique.ASSOCIATION,
                        new Adresse("12 rue des Forges", "58000", "Nevers", "58194", "58", "27"), null),
                new Contact("Camille Martin", "camille@fabrique-du-val.fr", "0386000000"),
                new Projet("La Fabrique du Val", "Tiers-lieu rural : atelier partagé, coworking", List.of("COWORKING"), "CAF", "CA",
                        new BigDecimal("1.5")),
                new MontantsAnnuels(50000, 50000, 40000), statut, Instant.EPOCH, Instant.EPOCH, 0);
    }

    /** A PDF of {@code taille} bytes whose content depends on {@code graine}. */
    static byte[] pdf(int taille, int graine) {
        byte[] b = new byte[taille];
        Arrays.fill(b, (byte) ('a' + graine % 26));
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
        return b;
    }

    static FichierRecu fichier(String nom, byte[] contenu) {
        return new FichierRecu(nom, contenu);
    }

    final Dossier enInstruction = dossier(7, StatutDossier.EN_INSTRUCTION);

    @Test
    void stockeChaqueFichierAvecTypeTailleEtEmpreinte() {
        ResultatDepotPieces r = deposer.deposer(enInstruction, "STATUTS", List.of(fichier("statuts.pdf", pdf(500, 1)),
                fichier("C:\\fakepath\\plan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2})));
        assertThat(r.ajoutees()).isEqualTo(2);
        assertThat(pieces.stockees).hasSize(2);
        Piece statuts = pieces.stockees.get(0).piece();
        assertThat(statuts.nom()).isEqualTo("statuts.pdf");
        assertThat(statuts.type()).isEqualTo(TypePiece.PDF);
        assertThat(statuts.taille()).isEqualTo(500);
        assertThat(statuts.sha256()).isEqualTo(DeposerPieces.sha256(pdf(500, 1))).hasSize(64);
        assertThat(statuts.categorie()).isEqualTo(CategoriePiece.STATUTS);
        assertThat(pieces.stockees.get(1).piece().nom()).isEqualTo("plan.png");
        assertThat(pieces.stockees.get(1).piece().type()).isEqualTo(TypePiece.PNG);
        assertThat(pieces.reservations).as("dossier réservé avant la somme").isEqualTo(1);
        assertThat(journal).containsExactly("PIECES_DEPOSEES Pièces jointes (statuts) : statuts.pdf, plan.png (visible)");
    }

    @Test
    void unFichierRefuseEtRienNEstEcrit() {
        assertThatThrownBy(() -> deposer.deposer(enInstruction, null, List.of(fichier("statuts.pdf", pdf(100, 1)),
                fichier("budget.pdf", "MZ\u0090 programme".getBytes(StandardCharsets.ISO_8859_1)),
                fichier("rib.pdf", "un texte".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> {
                    assertThat(e).isNotInstanceOf(PiecesTropVolumineuses.class);
                    assertThat(e.violations()).extracting(Violation::champ).containsOnly("fichier");
                    assertThat(e.violations()).extracting(Violation::message).satisfiesExactly(
                            m -> assertThat(m).startsWith("« budget.pdf » n'est pas un fichier PDF, PNG, JPEG, ODT ou DOCX"),
                            m -> assertThat(m).startsWith("« rib.pdf » n'est pas un fichier"));
                });
        assertThat(pieces.stockees).isEmpty();
        assertThat(journal).isEmpty();
    }

    @Test
    void fichierVide() {
        assertThatThrownBy(() -> deposer.deposer(enInstruction, null, List.of(fichier("vide.pdf", new byte[0]))))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> assertThat(e.getMessage()).contains("« vide.pdf » est vide"));
    }

    @Test
    void fichierTropGros() {
        assertThatThrownBy(() -> deposer.deposer(enInstruction, null, List.of(fichier("petit.pdf", pdf(1024, 1)),
                fichier("gros.pdf", pdf(1025, 2)))))
                .isInstanceOfSatisfying(PiecesTropVolumineuses.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).isEqualTo("« gros.pdf » fait 1 Ko (1 025 octets) ; attendu : 1 Ko (1 024 octets) au plus par fichier")));
        assertThat(pieces.stockees).isEmpty();
    }

    @Test
    void leDossierNeDepassePasSaTailleMaximale() {
        deposer.deposer(enInstruction, null, List.of(fichier("a.pdf", pdf(1000, 1)), fichier("b.pdf", pdf(1000, 2))));
        assertThat(pieces.tailleTotale(7)).isEqualTo(2000);
        // 2000 + 1000 = 3000 ≤ 3072, but 2000 + 1000 + 100 > 3072: the whole upload is refused.
        assertThatThrownBy(() -> deposer.deposer(enInstruction, null, List.of(fichier("c.pdf", pdf(1000, 3)), fichier("d.pdf", pdf(100, 4)))))
                .isInstanceOfSatisfying(PiecesTropVolumineuses.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("3 Ko au plus").contains("déjà 2 Ko").contains("1 Ko")));
        assertThat(pieces.stockees).hasSize(2);
        deposer.deposer(enInstruction, null, List.of(fichier("c.pdf", pdf(1000, 3))));
        assertThat(pieces.tailleTotale(7)).isEqualTo(3000);
        // Another dossier has its own allowance.
        deposer.deposer(dossier(8, StatutDossier.DEPOSE), null, List.of(fichier("a.pdf", pdf(1000, 1))));
        assertThat(pieces.tailleTotale(8)).isEqualTo(1000);
    }

    @Test
    void unContenuDejaPresentNEstPasStockeDeuxFois() {
        deposer.deposer(enInstruction, "RIB", List.of(fichier("rib.pdf", pdf(300, 1))));
        ResultatDepotPieces r = deposer.deposer(enInstruction, null, List.of(fichier("rib-copie.pdf", pdf(300, 1)),
                fichier("nouveau.pdf", pdf(300, 2)), fichier("nouveau-bis.pdf", pdf(300, 2))));
        assertThat(pieces.stockees).extracting(c -> c.piece().nom()).containsExactly("rib.pdf", "nouveau.pdf");
        assertThat(r.ajoutees()).isEqualTo(1);
        assertThat(r.lignes()).extracting(l -> l.piece().nom() + (l.dejaPresente() ? " (déjà)" : ""))
                .containsExactly("rib.pdf (déjà)", "nouveau.pdf", "nouveau.pdf (déjà)");
        // Duplicates do not count twice against the dossier's size.
        assertThat(pieces.tailleTotale(7)).isEqualTo(600);
        ResultatDepotPieces rien = deposer.deposer(enInstruction, null, List.of(fichier("encore.pdf", pdf(300, 1))));
        assertThat(rien.ajoutees()).isZero();
        assertThat(journal).hasSize(2);
    }

    @Test
    void categorie() {
        deposer.deposer(enInstruction, null, List.of(fichier("a.pdf", pdf(10, 1))));
        deposer.deposer(dossier(9, StatutDossier.EN_ATTENTE_COMPLEMENTS), null, List.of(fichier("b.pdf", pdf(10, 2))));
        deposer.deposer(enInstruction, " LETTRE_SOUTIEN ", List.of(fichier("c.pdf", pdf(10, 3))));
        assertThat(pieces.stockees).extracting(c -> c.piece().categorie())
                .containsExactly(CategoriePiece.AUTRE, CategoriePiece.COMPLEMENT, CategoriePiece.LETTRE_SOUTIEN);
        assertThatThrownBy(() -> deposer.deposer(enInstruction, "FACTURE", List.of(fichier("d.pdf", pdf(10, 4)))))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.champ()).isEqualTo("categorie");
                    assertThat(v.message()).contains("FACTURE").contains("STATUTS, BUDGET_PREVISIONNEL, RIB, LETTRE_SOUTIEN, COMPLEMENT, BILAN_ACTIVITE, COMPTE_RENDU_FINANCIER, AUTRE");
                }));
    }

    @Test
    void aucunFichier() {
        assertThatThrownBy(() -> deposer.deposer(enInstruction, null, List.of()))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> assertThat(e.champ()).isEqualTo("fichier"));
    }

    @Test
    void plusRienApresUnStatutFinal() {
        for (StatutDossier s : StatutDossier.values()) {
            if (s.estFinal()) {
                assertThatThrownBy(() -> deposer.deposer(dossier(10, s), null, List.of(fichier("a.pdf", pdf(10, 1)))))
                        .as(s.name()).isInstanceOf(ErreurMetier.class).hasMessageContaining(s.libelle());
            }
        }
        assertThat(pieces.stockees).isEmpty();
    }
}
