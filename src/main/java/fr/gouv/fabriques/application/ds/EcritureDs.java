package fr.gouv.fabriques.application.ds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.notification.Expedition;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.ActionDs;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.DsRepository.EnvoiADeposer;
import fr.gouv.fabriques.application.port.DsRepository.Lien;
import fr.gouv.fabriques.application.port.SuiteJournal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What DS must show of each step taken here: a timeline entry of a dossier imported from DS becomes a row of the DS outbox
 * (table {@code ds_envoi}), in the entry's transaction — the e-mails' principle (doc/adr/0003, 0012). The row lists the
 * mutations, in order:
 * <ul>
 * <li>recevable, or the applicant's complements received → {@code dossierPasserEnInstruction};</li>
 * <li>pieces missing → {@code dossierRepasserEnConstruction} then a message with {@code correction: incomplete};</li>
 * <li>every decision is preceded by {@code dossierPasserEnInstruction} if DS still has the dossier en construction;</li>
 * <li>committee: laureate → {@code dossierAccepter}, refused and irrecevable → {@code dossierRefuser} (motivation), adjourned →
 * a message; classé sans suite, withdrawn → {@code dossierClasserSansSuite}; caduc → reopened then classé sans suite;</li>
 * <li>every other step the applicant sees (convention to sign, signatures, payments, reports due, suspension…) → a message.</li>
 * </ul>
 * With {@code fabriques.ds.courriels=false} these applicants get DS messages only, no e-mail.
 */
@Service
public class EcritureDs implements SuiteJournal {

    private final DsRepository repo;
    private final DossierRepository dossiers;
    private final Expedition expedition;
    private final DsProperties proprietes;
    private final ObjectMapper json;

    public EcritureDs(DsRepository repo, DossierRepository dossiers, Expedition expedition, DsProperties proprietes, ObjectMapper json) {
        this.repo = repo;
        this.dossiers = dossiers;
        this.expedition = expedition;
        this.proprietes = proprietes;
        this.json = json;
    }

    record Action(ActionDs action, String texte, String correction) {
    }

    private static final Action INSTRUIRE = new Action(ActionDs.INSTRUIRE_SI_EN_CONSTRUCTION, null, null);

    @Override
    public boolean apresNote(long evenementId, long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, Instant quand) {
        return apresNote(evenementId, dossierId, null, type, libelle, visiblePorteur, quand);
    }

    @Override
    public boolean apresNote(long evenementId, Dossier dossier, TypeEvenement type, String libelle, boolean visiblePorteur, Instant quand) {
        return apresNote(evenementId, dossier.id(), dossier, type, libelle, visiblePorteur, quand);
    }

    /** Entries written together: the DS links of their dossiers in one query, then each entry as {@link #apresNote}. */
    @Override
    public List<Boolean> apresNotes(List<Long> evenementIds, List<fr.gouv.fabriques.application.port.Journal.Note> notes) {
        Map<Long, Lien> liens = repo.liensDesDossiers(notes.stream().filter(n -> n.visiblePorteur()).map(n -> n.dossier().id()).distinct().toList());
        List<Boolean> r = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            fr.gouv.fabriques.application.port.Journal.Note n = notes.get(i);
            r.add(apresNote(evenementIds.get(i), n.dossier().id(), n.dossier(), n.type(), n.libelle(), n.visiblePorteur(), n.quand(),
                    Optional.ofNullable(liens.get(n.dossier().id()))));
        }
        return r;
    }

    /** {@code tenu}: the dossier as the caller has just written it, or null to load it (only when it came from DS). */
    private boolean apresNote(long evenementId, long dossierId, Dossier tenu, TypeEvenement type, String libelle, boolean visiblePorteur,
            Instant quand) {
        return !visiblePorteur || apresNote(evenementId, dossierId, tenu, type, libelle, true, quand, repo.lienDuDossier(dossierId));
    }

    private boolean apresNote(long evenementId, long dossierId, Dossier tenu, TypeEvenement type, String libelle, boolean visiblePorteur,
            Instant quand, Optional<Lien> lien) {
        if (!visiblePorteur) {
            return true;
        }
        if (lien.isEmpty()) {
            return true;
        }
        Dossier dossier = tenu != null ? tenu : dossiers.exiger(dossierId);
        List<Action> actions = actions(type, dossier, libelle);
        if (!actions.isEmpty()) {
            repo.deposerEnvoi(new EnvoiADeposer(dossierId, lien.get().dsNumero(), lien.get().dsId(), evenementId, null, type.name(),
                    ecrire(actions), quand));
        }
        return proprietes.courriels();
    }

    private List<Action> actions(TypeEvenement type, Dossier dossier, String libelle) {
        String message = "Dossier " + dossier.numero() + " (Fabriques de Territoire) : " + libelle.strip()
                + "\n\nSuivi du dossier et documents : " + expedition.lienDossier(dossier.numero());
        return switch (type) {
            case DEPOT, PIECES_DEPOSEES, DEPOT_PAR_DEROGATION -> List.of();
            case RECEVABILITE, COMPLEMENTS_RECUS -> List.of(new Action(ActionDs.PASSER_EN_INSTRUCTION, null, null));
            case DEMANDE_COMPLEMENTS -> List.of(new Action(ActionDs.REPASSER_EN_CONSTRUCTION, null, null),
                    new Action(ActionDs.MESSAGE, message + "\n\nCorrigez votre dossier sur démarches-simplifiées en joignant les pièces "
                            + "demandées : l'instruction reprendra dès votre correction.", "incomplete"));
            case IRRECEVABILITE -> List.of(INSTRUIRE, new Action(ActionDs.REFUSER, libelle.strip(), null));
            case CLASSEMENT_SANS_SUITE, DOSSIER_RETIRE -> List.of(INSTRUIRE, new Action(ActionDs.CLASSER_SANS_SUITE, libelle.strip(), null));
            case CONVENTION_CADUQUE -> List.of(new Action(ActionDs.REPASSER_EN_INSTRUCTION, null, null),
                    new Action(ActionDs.CLASSER_SANS_SUITE, libelle.strip(), null));
            case DECISION_COMITE -> switch (dossier.statut()) {
                case LAUREAT -> List.of(INSTRUIRE, new Action(ActionDs.ACCEPTER, libelle.strip(), null));
                case REFUSE -> List.of(INSTRUIRE, new Action(ActionDs.REFUSER, libelle.strip(), null));
                default -> List.of(new Action(ActionDs.MESSAGE, message, null));
            };
            default -> List.of(new Action(ActionDs.MESSAGE, message, null));
        };
    }

    /**
     * The first DS message of an imported dossier: its number here and the applicant's access token for our API (signing the
     * convention, reports), which DS's authenticated messaging can carry and an e-mail cannot; the row forgets it once sent.
     */
    public void accuserImport(Dossier dossier, int dsNumero, String dsId, String jeton, Instant quand) {
        String texte = "Votre dossier est enregistré par les services du programme « Fabriques de Territoire » sous le numéro "
                + dossier.numero() + ".\nSuivi : " + expedition.lienDossier(dossier.numero()) + "\nJeton d'accès personnel (à garder pour "
                + "signer la convention et déposer les bilans par l'API du programme) : " + jeton;
        repo.deposerEnvoi(new EnvoiADeposer(dossier.id(), dsNumero, dsId, null, "depot-" + dsNumero, "DEPOT",
                ecrire(List.of(new Action(ActionDs.MESSAGE, texte, null))), quand));
    }

    /** A correction request ({@code incorrect}): once per {@code cle} (the applicant's version of the dossier). */
    public void demanderCorrection(Long dossierId, int dsNumero, String dsId, String correction, String cle, String texte, Instant quand) {
        repo.deposerEnvoi(new EnvoiADeposer(dossierId, dsNumero, dsId, null, cle, "CORRECTION",
                ecrire(List.of(new Action(ActionDs.MESSAGE, texte, correction))), quand));
    }

    private String ecrire(List<Action> actions) {
        List<Map<String, String>> l = new ArrayList<>();
        for (Action a : actions) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("action", a.action().name());
            m.put("texte", a.texte());
            m.put("correction", a.correction());
            l.add(m);
        }
        try {
            return json.writeValueAsString(l);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Action> lire(String actions) {
        try {
            List<Action> l = new ArrayList<>();
            for (var n : json.readTree(actions)) {
                l.add(new Action(ActionDs.valueOf(n.path("action").asText()), n.path("texte").isNull() ? null : n.path("texte").asText(),
                        n.path("correction").isNull() ? null : n.path("correction").asText()));
            }
            return l;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
