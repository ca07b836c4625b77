package fr.gouv.fabriques.application.ds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.application.depot.DeposerDossier;
import fr.gouv.fabriques.application.depot.DossierDejaOuvert;
import fr.gouv.fabriques.application.depot.StructureDejaCandidate;
import fr.gouv.fabriques.application.depot.ValidateurDepot;
import fr.gouv.fabriques.application.ds.ConnecteurDs.DemarcheSuivie;
import fr.gouv.fabriques.application.ds.CorrespondanceChamps.PieceDs;
import fr.gouv.fabriques.application.instruction.RepondreDemandeComplements;
import fr.gouv.fabriques.application.piece.DeposerPieces;
import fr.gouv.fabriques.application.piece.FichierRecu;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DossierDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DsIndisponible;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DsJetonRefuse;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.Page;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.DsRepository.AReprendre;
import fr.gouv.fabriques.application.port.DsRepository.Lien;
import fr.gouv.fabriques.application.port.DsRepository.Position;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the DS procedures' dossiers and brings them here (README « démarches-simplifiées »):
 * <ul>
 * <li>a DS dossier {@code en_construction} not yet linked becomes a dossier through {@link DeposerDossier} — the API's
 * validation and process — with its attachments (MD5 checked against DS's, virus scan awaited, infected files refused), and
 * is linked by its DS number in the same transaction (a second import fails on the key);</li>
 * <li>one that fails our validation goes to « dossiers à reprendre » with its errors, and the applicant gets a DS correction
 * request naming the fields in French — once per change of his;</li>
 * <li>a linked dossier the applicant changed is updated while it is not in instruction, and his answer to a completeness
 * request (his changes after we sent the dossier back) resumes our loop.</li>
 * </ul>
 * Each procedure is read page by page with {@code updatedSince}; the run's cursor is saved after each page and the new
 * {@code updatedSince} once the last page is read, so that a restart or an outage resumes the run, re-reading at most a page
 * (everything here is idempotent). Each DS dossier is handled in its own transaction.
 */
@Service
public class ImporterDossiersDs {

    private static final Logger LOG = LoggerFactory.getLogger(ImporterDossiersDs.class);
    /** Re-read a little before the latest change seen: a DS transaction committed late is not skipped. */
    private static final Duration MARGE = Duration.ofMinutes(1);
    static final String ACTEUR = "démarches-simplifiées";

    private final ConnecteurDs connecteur;
    private final DsRepository repo;
    private final DeposerDossier deposer;
    private final DeposerPieces deposerPieces;
    private final RepondreDemandeComplements complements;
    private final ValidateurDepot validateur;
    private final DossierRepository dossiers;
    private final Journal journal;
    private final ReferentielGeographique geo;
    private final EcritureDs ecriture;
    private final TransactionTemplate tx;
    private final Clock horloge;
    private final DsProperties proprietes;
    private final ObjectMapper json;
    private final MeterRegistry metriques;
    private final Map<Integer, EtatLecture> etats = new ConcurrentHashMap<>();

    public ImporterDossiersDs(ConnecteurDs connecteur, DsRepository repo, DeposerDossier deposer, DeposerPieces deposerPieces,
            RepondreDemandeComplements complements, ValidateurDepot validateur, DossierRepository dossiers, Journal journal,
            ReferentielGeographique geo, EcritureDs ecriture, PlatformTransactionManager transactions, Clock horloge, DsProperties proprietes,
            ObjectMapper json, MeterRegistry metriques) {
        this.connecteur = connecteur;
        this.repo = repo;
        this.deposer = deposer;
        this.deposerPieces = deposerPieces;
        this.complements = complements;
        this.validateur = validateur;
        this.dossiers = dossiers;
        this.journal = journal;
        this.geo = geo;
        this.ecriture = ecriture;
        this.tx = new TransactionTemplate(transactions);
        this.horloge = horloge;
        this.proprietes = proprietes;
        this.json = json;
        this.metriques = metriques;
    }

    /**
     * How the last reads went, per procedure (agents' endpoint): the next read is due at {@code prochaineLecture}, later
     * after each failure in a row (doubling from 15 s up to the polling period).
     */
    public record EtatLecture(int demarche, Instant derniereReussite, Instant dernierEchec, String derniereErreur, int echecsConsecutifs,
            Instant prochaineLecture, int importes, int aReprendre) {
    }

    public record Bilan(int lus, int importes, int misAJour, int aReprendre) {
    }

    public List<EtatLecture> etats() {
        return connecteur.demarches().stream().map(d -> etats.getOrDefault(d.numero(),
                new EtatLecture(d.numero(), null, null, null, 0, null, 0, 0))).toList();
    }

    /** The scheduler's tick: reads each procedure whose next read is due. */
    public void lireSiDu() {
        Instant maintenant = horloge.instant();
        for (DemarcheSuivie d : connecteur.demarches()) {
            EtatLecture e = etats.get(d.numero());
            if (e == null || e.prochaineLecture() == null || !maintenant.isBefore(e.prochaineLecture())) {
                try {
                    lire(d.numero());
                } catch (RuntimeException ex) {
                    // Already recorded in the state; the next tick tries again after the back-off.
                }
            }
        }
    }

    /** One full read of a procedure (resuming the run in progress), then the dossiers waiting for a scan or a good download. */
    public Bilan lire(int numeroDemarche) {
        DemarcheSuivie demarche = connecteur.demarche(numeroDemarche)
                .orElseThrow(() -> new IllegalArgumentException("démarche non suivie : " + numeroDemarche));
        DemarchesSimplifiees ds = connecteur.ds();
        int lus = 0;
        int[] compte = new int[3];
        try {
            Position p = repo.position(numeroDemarche);
            Instant depuis = p.depuis();
            String curseur = p.curseur();
            Instant plusRecente = p.plusRecente();
            while (true) {
                Page page = ds.dossiersModifies(numeroDemarche, depuis, curseur, proprietes.taillePage());
                for (DossierDs d : page.dossiers()) {
                    lus++;
                    compter(compte, traiter(demarche, d));
                    if (d.derniereModification() != null && (plusRecente == null || d.derniereModification().isAfter(plusRecente))) {
                        plusRecente = d.derniereModification();
                    }
                }
                Instant maintenant = horloge.instant();
                if (page.suivante() && page.curseur() != null) {
                    curseur = page.curseur();
                    repo.enregistrerPosition(numeroDemarche, new Position(depuis, curseur, plusRecente, maintenant));
                } else {
                    Instant suivant = plusRecente == null ? depuis : plusRecente.minus(MARGE);
                    repo.enregistrerPosition(numeroDemarche, new Position(suivant, null, plusRecente, maintenant));
                    break;
                }
            }
            supprimes(demarche, p.depuis());
            for (AReprendre a : repo.aReprendre(true)) {
                if (a.demarche() == numeroDemarche) {
                    ds.dossier(a.dsNumero()).ifPresent(d -> compter(compte, traiter(demarche, d)));
                }
            }
            reussite(numeroDemarche, compte);
            metriques.counter("fabriques.ds.lectures", "resultat", "reussie").increment();
            return new Bilan(lus, compte[0], compte[1], compte[2]);
        } catch (DsJetonRefuse | DsIndisponible | DemarchesSimplifiees.DsErreur e) {
            echec(numeroDemarche, e);
            metriques.counter("fabriques.ds.lectures", "resultat", "echec").increment();
            throw e;
        }
    }

    /** A webhook's hint or an agent's request: read this dossier now. */
    public Optional<Resultat> lireDossier(int dsNumero) {
        Optional<DossierDs> d = connecteur.ds().dossier(dsNumero);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Optional<DemarcheSuivie> demarche = repo.lien(dsNumero).flatMap(l -> connecteur.demarche(l.demarche()));
        if (demarche.isEmpty()) {
            // Its procedure is not in the dossier itself (subset read): the one whose mapping finds its fields.
            demarche = connecteur.demarches().stream().filter(m -> d.get().champs().stream()
                    .anyMatch(c -> m.correspondance().usages().containsKey(c.descripteurId()))).findFirst();
        }
        return demarche.map(m -> traiter(m, d.get()));
    }

    public enum Resultat { IMPORTE, MIS_A_JOUR, A_REPRENDRE, IGNORE }

    private static void compter(int[] compte, Resultat r) {
        switch (r) {
            case IMPORTE -> compte[0]++;
            case MIS_A_JOUR -> compte[1]++;
            case A_REPRENDRE -> compte[2]++;
            default -> { }
        }
    }

    Resultat traiter(DemarcheSuivie demarche, DossierDs d) {
        try {
            Optional<Lien> lien = repo.lien(d.numero());
            if (lien.isPresent()) {
                return mettreAJour(demarche, d, lien.get());
            }
            if (!"en_construction".equals(d.etat())) {
                return Resultat.IGNORE;
            }
            return importer(demarche, d);
        } catch (DsJetonRefuse | DsIndisponible e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Dossier DS {} : erreur inattendue à l'import ; il est dans « dossiers à reprendre »", d.numero(), e);
            aReprendre(demarche, d, "ERREUR", List.of(new Violation("dossier", "erreur inattendue à l'import (" + e.getClass().getSimpleName()
                    + ") ; nouvel essai à la prochaine lecture")), false);
            return Resultat.A_REPRENDRE;
        }
    }

    private record Telecharges(Map<CategoriePiece, List<FichierRecu>> fichiers, List<Violation> attente, List<Violation> sommes,
            List<Violation> infectes) {
    }

    private Telecharges telecharger(DemarcheSuivie demarche, DossierDs d) {
        Map<CategoriePiece, List<FichierRecu>> fichiers = new LinkedHashMap<>();
        List<Violation> attente = new ArrayList<>();
        List<Violation> sommes = new ArrayList<>();
        List<Violation> infectes = new ArrayList<>();
        for (PieceDs p : demarche.correspondance().pieces(d)) {
            var f = p.fichier();
            String champ = "pièce " + p.categorie().libelle();
            if ("infected".equalsIgnoreCase(f.analyse())) {
                infectes.add(new Violation(champ, "le fichier « " + f.nom() + " » a été déclaré infecté par l'analyse antivirus : il est refusé, "
                        + "déposez-en un autre"));
                continue;
            }
            if ("pending".equalsIgnoreCase(f.analyse())) {
                attente.add(new Violation(champ, "« " + f.nom() + " » : analyse antivirus de démarches-simplifiées en cours"));
                continue;
            }
            byte[] contenu = connecteur.ds().telecharger(f.url());
            if (f.md5() == null || !f.md5().equals(md5(contenu))) {
                sommes.add(new Violation(champ, "« " + f.nom() + " » : le contenu téléchargé ne correspond pas à la somme de contrôle MD5 annoncée "
                        + "par démarches-simplifiées ; nouveau téléchargement à la prochaine lecture"));
                metriques.counter("fabriques.ds.pieces.somme-controle-fausse").increment();
                continue;
            }
            fichiers.computeIfAbsent(p.categorie(), c -> new ArrayList<>()).add(new FichierRecu(f.nom(), contenu));
        }
        return new Telecharges(fichiers, attente, sommes, infectes);
    }

    private Resultat importer(DemarcheSuivie demarche, DossierDs d) {
        Telecharges t = telecharger(demarche, d);
        if (!t.attente().isEmpty()) {
            aReprendre(demarche, d, "PIECE_EN_ATTENTE", t.attente(), false);
            return Resultat.A_REPRENDRE;
        }
        if (!t.sommes().isEmpty()) {
            aReprendre(demarche, d, "SOMME_CONTROLE", t.sommes(), false);
            return Resultat.A_REPRENDRE;
        }
        DemandeDepot demande = demarche.correspondance().demande(d, geo);
        try {
            Boolean importe = tx.execute(s -> {
                repo.verrouiller(d.numero());
                if (repo.lien(d.numero()).isPresent()) {
                    return false;
                }
                Instant maintenant = horloge.instant();
                // Linked, with its pieces and the DS acknowledgement, before its process starts: the eligibility step runs in
                // this transaction (doc/adr/0022), and its write-back to DS (« en instruction ») comes after the acknowledgement.
                deposer.deposer(demande, Optional.empty(), (dossier, jeton) -> {
                    repo.lier(new Lien(d.numero(), d.id(), demarche.numero(), dossier.id(), d.champsModifies()), maintenant);
                    t.fichiers().forEach((categorie, fichiers) -> deposerPieces.deposer(dossier, categorie.name(), fichiers));
                    journal.noter(dossier.id(), TypeEvenement.DEPOT, "Dossier importé de démarches-simplifiées (dossier DS n° " + d.numero()
                            + ", démarche n° " + demarche.numero() + ")", false, ACTEUR, maintenant);
                    ecriture.accuserImport(dossier, d.numero(), d.id(), jeton, maintenant);
                    if (!t.infectes().isEmpty()) {
                        signalerInfectes(demarche, d, dossier, t.infectes(), maintenant);
                    } else {
                        repo.resoudre(d.numero(), maintenant);
                    }
                });
                return true;
            });
            if (Boolean.TRUE.equals(importe)) {
                metriques.counter("fabriques.ds.dossiers.importes").increment();
                LOG.info("Dossier DS {} importé", d.numero());
                return Resultat.IMPORTE;
            }
            return Resultat.IGNORE;
        } catch (ErreursValidation e) {
            return refuser(demarche, d, e.violations());
        } catch (DossierDejaOuvert | StructureDejaCandidate e) {
            return refuser(demarche, d, List.of(new Violation("structure.siret", e.getMessage())));
        } catch (ErreurMetier e) {
            return refuser(demarche, d, List.of(new Violation(e.champ() == null ? "dossier" : e.champ(), e.getMessage())));
        }
    }

    private void signalerInfectes(DemarcheSuivie demarche, DossierDs d, Dossier dossier, List<Violation> infectes, Instant maintenant) {
        String texte = infectes.stream().map(Violation::message).collect(Collectors.joining(" ; "));
        journal.noter(dossier.id(), TypeEvenement.PIECES_DEPOSEES, "Pièce refusée à l'import de démarches-simplifiées : " + texte, false, ACTEUR,
                maintenant);
        aReprendre(demarche, d, "PIECE_INFECTEE", infectes, false);
        ecriture.demanderCorrection(dossier.id(), d.numero(), d.id(), "incorrect", "infecte-" + d.numero() + "-" + d.champsModifies(), corps(demarche, d, infectes),
                maintenant);
        metriques.counter("fabriques.ds.pieces.infectees").increment();
    }

    private Resultat refuser(DemarcheSuivie demarche, DossierDs d, List<Violation> violations) {
        aReprendre(demarche, d, "VALIDATION", violations, true);
        metriques.counter("fabriques.ds.dossiers.a-reprendre").increment();
        return Resultat.A_REPRENDRE;
    }

    /**
     * Records (or refreshes) the entry; for a validation failure, the applicant gets one correction request per change of his
     * (the key is his last change: the entry re-read after our own message, which moves DS's modification date, sends nothing).
     */
    private void aReprendre(DemarcheSuivie demarche, DossierDs d, String motif, List<Violation> violations, boolean demanderCorrection) {
        Instant maintenant = horloge.instant();
        Optional<AReprendre> avant = repo.aReprendre(d.numero());
        List<Map<String, String>> erreurs = violations.stream().map(v -> Map.of("champ", v.champ(), "libelle",
                demarche.correspondance().libelle(v.champ(), d), "message", v.message())).toList();
        String texte;
        try {
            texte = json.writeValueAsString(erreurs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tx.executeWithoutResult(s -> {
            repo.enregistrerAReprendre(new AReprendre(d.numero(), demarche.numero(), d.id(), motif, texte, d.champsModifies(),
                    avant.map(a -> a.tentatives() + 1).orElse(1), avant.map(AReprendre::premiereLe).orElse(maintenant), maintenant));
            if (demanderCorrection) {
                ecriture.demanderCorrection(repo.lien(d.numero()).map(Lien::dossierId).orElse(null), d.numero(), d.id(), "incorrect",
                        "validation-" + d.numero() + "-" + d.champsModifies(), corps(demarche, d, violations), maintenant);
            }
        });
    }

    private static String corps(DemarcheSuivie demarche, DossierDs d, List<Violation> violations) {
        StringBuilder sb = new StringBuilder("Votre dossier ne peut pas encore être enregistré par les services du programme "
                + "« Fabriques de Territoire ». Merci de corriger les champs suivants :\n");
        for (Violation v : violations) {
            sb.append("- « ").append(demarche.correspondance().libelle(v.champ(), d)).append(" » : ").append(v.message()).append('\n');
        }
        return sb.toString();
    }

    private Resultat mettreAJour(DemarcheSuivie demarche, DossierDs d, Lien lien) {
        if (!"en_construction".equals(d.etat()) || d.champsModifies() == null
                || lien.champsModifies() != null && !d.champsModifies().isAfter(lien.champsModifies())) {
            if (repo.aReprendre(d.numero()).filter(a -> !a.motif().equals("PIECE_INFECTEE")).isPresent()) {
                tx.executeWithoutResult(s -> repo.resoudre(d.numero(), horloge.instant()));
            }
            return Resultat.IGNORE;
        }
        Dossier dossier = dossiers.exiger(lien.dossierId());
        if (dossier.statut() != StatutDossier.DEPOSE && dossier.statut() != StatutDossier.EN_ATTENTE_COMPLEMENTS) {
            return Resultat.IGNORE;
        }
        Telecharges t = telecharger(demarche, d);
        if (!t.attente().isEmpty() || !t.sommes().isEmpty()) {
            aReprendre(demarche, d, t.attente().isEmpty() ? "SOMME_CONTROLE" : "PIECE_EN_ATTENTE",
                    t.attente().isEmpty() ? t.sommes() : t.attente(), false);
            return Resultat.A_REPRENDRE;
        }
        DemandeDepot demande = demarche.correspondance().demande(d, geo);
        try {
            tx.executeWithoutResult(s -> {
                repo.verrouiller(d.numero());
                Instant maintenant = horloge.instant();
                Dossier courant = dossiers.exiger(lien.dossierId());
                if (courant.statut() == StatutDossier.DEPOSE) {
                    List<Violation> v = validateur.violations(demande);
                    if (!v.isEmpty()) {
                        throw new ErreursValidation(v);
                    }
                    if (!courant.structure().siret().valeur().equals(demande.structure().siret())) {
                        throw new ErreursValidation("structure.siret", "le SIRET d'un dossier déposé ne change pas ; pour une autre structure, "
                                + "déposez un autre dossier");
                    }
                    repo.mettreAJourDemande(courant.id(), demande, maintenant);
                    t.fichiers().forEach((categorie, fichiers) -> deposerPieces.deposer(courant, categorie.name(), fichiers));
                    journal.noter(courant.id(), TypeEvenement.DEPOT, "Dossier mis à jour par le porteur sur démarches-simplifiées", false, ACTEUR,
                            maintenant);
                } else if (courant.statut() == StatutDossier.EN_ATTENTE_COMPLEMENTS) {
                    t.fichiers().values().forEach(fichiers -> deposerPieces.deposer(courant, CategoriePiece.COMPLEMENT.name(), fichiers));
                    complements.repondre(dossiers.exiger(lien.dossierId()), "corrections apportées sur démarches-simplifiées (dossier DS n° "
                            + d.numero() + ")");
                }
                repo.champsPris(d.numero(), d.champsModifies(), maintenant);
                repo.resoudre(d.numero(), maintenant);
            });
            return Resultat.MIS_A_JOUR;
        } catch (ErreursValidation e) {
            return refuser(demarche, d, e.violations());
        } catch (ErreurMetier e) {
            return refuser(demarche, d, List.of(new Violation(e.champ() == null ? "dossier" : e.champ(), e.getMessage())));
        }
    }

    /**
     * Dossiers deleted on DS by their applicant since the run's start: not yet imported, they leave « dossiers à reprendre »;
     * imported, they are flagged there for agents (withdraw or cancel here if need be: nothing is decided automatically
     * on DS's word). A DS that cannot answer this leaves the import itself alone.
     */
    private void supprimes(DemarcheSuivie demarche, Instant depuis) {
        if (depuis == null) {
            return;
        }
        List<Integer> numeros;
        try {
            numeros = connecteur.ds().dossiersSupprimes(demarche.numero(), depuis);
        } catch (DemarchesSimplifiees.DsErreur e) {
            LOG.warn("Démarche {} : dossiers supprimés sur DS illisibles ({}) ; l'import continue", demarche.numero(), e.getMessage());
            return;
        }
        Instant maintenant = horloge.instant();
        for (int numero : numeros) {
            Optional<Lien> lien = repo.lien(numero);
            Optional<AReprendre> avant = repo.aReprendre(numero);
            if (lien.isEmpty()) {
                avant.ifPresent(a -> repo.resoudre(numero, maintenant));
                continue;
            }
            if (avant.filter(a -> a.motif().equals("SUPPRIME")).isPresent()) {
                continue;
            }
            Dossier dossier = dossiers.exiger(lien.get().dossierId());
            if (dossier.statut().estFinal()) {
                continue;
            }
            tx.executeWithoutResult(s -> {
                repo.enregistrerAReprendre(new AReprendre(numero, demarche.numero(), lien.get().dsId(), "SUPPRIME", ecrire(List.of(Map.of(
                        "champ", "dossier", "libelle", "Dossier", "message", "supprimé sur démarches-simplifiées par le porteur : le dossier "
                                + dossier.numero() + " reste ouvert ici ; le retirer ou l'annuler si besoin"))), null, 1, maintenant, maintenant));
                journal.noter(dossier.id(), TypeEvenement.DEPOT, "Dossier supprimé par le porteur sur démarches-simplifiées (dossier DS n° "
                        + numero + ")", false, ACTEUR, maintenant);
            });
        }
    }

    private String ecrire(Object valeur) {
        try {
            return json.writeValueAsString(valeur);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reussite(int demarche, int[] compte) {
        Instant maintenant = horloge.instant();
        EtatLecture avant = etats.get(demarche);
        etats.put(demarche, new EtatLecture(demarche, maintenant, avant == null ? null : avant.dernierEchec(),
                avant == null ? null : avant.derniereErreur(), 0, maintenant.plus(proprietes.intervalle()),
                compte[0] + (avant == null ? 0 : avant.importes()), repo.aReprendre(false).size()));
    }

    private void echec(int demarche, RuntimeException e) {
        Instant maintenant = horloge.instant();
        EtatLecture avant = etats.get(demarche);
        int echecs = (avant == null ? 0 : avant.echecsConsecutifs()) + 1;
        Duration attente = attenteApresEchecs(echecs, proprietes.intervalle());
        etats.put(demarche, new EtatLecture(demarche, avant == null ? null : avant.derniereReussite(), maintenant, e.getMessage(), echecs,
                maintenant.plus(attente), avant == null ? 0 : avant.importes(), avant == null ? 0 : avant.aReprendre()));
        if (e instanceof DsJetonRefuse) {
            LOG.error("Lecture de la démarche {} : {} ; rien n'est perdu, la lecture reprendra où elle s'est arrêtée", demarche, e.getMessage());
        } else {
            LOG.warn("Lecture de la démarche {} interrompue ({} échec(s) de suite) : {} ; nouvel essai dans {}", demarche, echecs, e.getMessage(),
                    attente);
        }
    }

    /** 15 s, 30 s, 1 min… doubled after each failure in a row, never more than the polling period. */
    public static Duration attenteApresEchecs(int echecs, Duration intervalle) {
        Duration d = Duration.ofSeconds(15);
        for (int i = 1; i < echecs && d.compareTo(intervalle) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(intervalle) > 0 ? intervalle : d;
    }

    static String md5(byte[] contenu) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
