package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * démarches-simplifiées (DS), the State's form platform where applicants deposit: its GraphQL API as the
 * connector uses it (README « démarches-simplifiées »). Every call may throw {@link DsJetonRefuse} (401/403:
 * bad or expired token) or {@link DsIndisponible} (5xx, 429, timeout, network): the caller keeps its position
 * and tries again later; nothing is lost.
 */
public interface DemarchesSimplifiees {

    /** One page of the procedure's dossiers changed since {@code depuis} (all of them when null), after the cursor {@code apres}. */
    Page dossiersModifies(int demarche, Instant depuis, String apres, int taille);

    /** Numbers of the procedure's dossiers deleted on DS since {@code depuis}. */
    List<Integer> dossiersSupprimes(int demarche, Instant depuis);

    /** One dossier, read now; empty if DS does not know it (deleted). */
    Optional<DossierDs> dossier(int numero);

    /** The dossier's state only ({@code en_construction}, {@code en_instruction}, {@code accepte}…); empty if unknown. */
    Optional<String> etat(int numero);

    /** The procedure's form: its field descriptors. */
    Formulaire formulaire(int demarche);

    /**
     * Runs one write mutation on a dossier; returns the errors DS put in the payload (a refused transition),
     * empty when it was done.
     */
    List<String> executer(ActionDs action, String dossierId, String texte, String correction);

    /** The content of an attachment (its URL is signed and short-lived: download right after reading). */
    byte[] telecharger(String url);

    enum ActionDs {
        /**
         * DS decides only dossiers in instruction: before a decision on a dossier still (or again) {@code en_construction} —
         * irrecevable at eligibility, classé sans suite after unanswered complements — it is passed in instruction first;
         * in any other state nothing is done (not a {@link #executer} mutation: the sender reads the state first).
         */
        INSTRUIRE_SI_EN_CONSTRUCTION("en_instruction"),
        PASSER_EN_INSTRUCTION("en_instruction"),
        REPASSER_EN_CONSTRUCTION("en_construction"),
        REPASSER_EN_INSTRUCTION("en_instruction"),
        MESSAGE(null),
        ACCEPTER("accepte"),
        REFUSER("refuse"),
        CLASSER_SANS_SUITE("sans_suite");

        private final String etatVise;

        ActionDs(String etatVise) {
            this.etatVise = etatVise;
        }

        /** The DS state this transition leads to (null for a message): reached already, a refusal counts as done. */
        public String etatVise() {
            return etatVise;
        }
    }

    record Page(List<DossierDs> dossiers, boolean suivante, String curseur) {
    }

    /**
     * {@code derniereModification}: any change, the administration's included (the polling position);
     * {@code champsModifies}: the applicant's last change of a field or file (what tells his corrections apart).
     */
    record DossierDs(String id, int numero, String etat, Instant derniereModification, Instant champsModifies, String emailUsager,
            String siretDemandeur, List<ChampDs> champs) {

        public Optional<ChampDs> champ(String descripteurId) {
            return champs.stream().filter(c -> descripteurId.equals(c.descripteurId())).findFirst();
        }
    }

    /**
     * One answered field: {@code texte} is its value as text (stringValue, or the typed value), {@code valeurs} the values of a
     * multiple choice, {@code commune} the commune of a CommuneChamp, {@code fichiers} the files of a PieceJustificativeChamp.
     */
    record ChampDs(String type, String descripteurId, String libelle, String texte, List<String> valeurs, CommuneDs commune,
            List<FichierDs> fichiers) {
    }

    record CommuneDs(String nom, String codeInsee, String codePostal, String departement) {
    }

    /** {@code md5}: base64 MD5 of the content as DS computed it; {@code analyse}: pending, safe, infected (or null: not scanned). */
    record FichierDs(String nom, String typeContenu, long taille, String md5, String url, String analyse) {
    }

    record Formulaire(int numero, String titre, List<Descripteur> champs) {
    }

    record Descripteur(String id, String libelle, String type, String description, boolean obligatoire) {
    }

    /** 401/403: the token is wrong, expired, or not allowed from this network. */
    class DsJetonRefuse extends RuntimeException {
        public DsJetonRefuse(String message) {
            super(message);
        }
    }

    /** DS could not answer now (5xx, 429, timeout, network): try again later. */
    class DsIndisponible extends RuntimeException {
        public DsIndisponible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** DS answered with top-level GraphQL errors (invalid query, unknown procedure…). */
    class DsErreur extends RuntimeException {
        public DsErreur(String message) {
            super(message);
        }
    }
}
