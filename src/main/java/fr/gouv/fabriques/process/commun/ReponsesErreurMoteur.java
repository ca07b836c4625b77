package fr.gouv.fabriques.process.commun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ErreursRestMoteur} puts in place of an error answer of the engine's REST API: the
 * engine's JSON {@code {"type": "<Java class>", "message": "<engine English, sometimes SQL>", "code": …}}
 * becomes the same shape with a neutral {@code type} and a French {@code message}.
 *
 * <ul>
 * <li><b>5xx</b>: logged at ERROR, with the engine's body, under a fresh identifier
 * ({@code identifiantErreur}, as the application's own API: « Erreur inattendue {id} sur … »); the answer
 * says only that, with the identifier. The engine logs its stack trace just before, on the same thread
 * (ENGINE-16004, ENGINE-REST-HTTP500).</li>
 * <li>Some engine 500s are no fault but the caller's or a colleague's: a concurrent change
 * (optimistic locking, code 1; deadlock, code 10000), a task already claimed, a suspended element:
 * <b>409</b> in French; an id of the address the engine says does not exist: <b>404</b>.</li>
 * <li><b>4xx</b>: the message is kept if it is already French (the application's refusals of a form,
 * stripped of the engine's « Cannot submit task form {id}: » / « Cannot complete task {id}: » prefix),
 * otherwise replaced by a French sentence built from the status, the address (« Tâche « abc »
 * introuvable ») and, for a 403, the permissions the engine lists. Ids the caller sent are kept.</li>
 * </ul>
 *
 * <p><b>Why a French test rather than a table of English messages.</b> The engine has hundreds of
 * messages, which change between versions; a table would always miss some, and a missed one would
 * leak. Here a 4xx message is kept only when it reads as French — French punctuation or words or
 * accents outside quoted ids, no English word, and nothing internal (class names, « Exception »,
 * « ENGINE-… », SQL) — and everything else is rewritten. A mistake can only make a French message
 * generic, never let English or internals through. A few patterns ({@link #precision400}) only make the
 * rewritten 400 more precise.
 */
final class ReponsesErreurMoteur {

    private static final Logger LOG = LoggerFactory.getLogger(ReponsesErreurMoteur.class);

    /** As {@code identifiantErreur} of the application's API (fr.gouv.fabriques.web.Problemes). */
    static final String IDENTIFIANT_ERREUR = "identifiantErreur";

    static final String TYPE_ERREUR_INTERNE = "ErreurInterne";
    static final String TYPE_MODIFICATION_CONCURRENTE = "ModificationConcurrente";
    static final String TYPE_TACHE_DEJA_PRISE = "TacheDejaPrise";
    static final String TYPE_ELEMENT_SUSPENDU = "ElementSuspendu";
    /** The type of a deployment refused by the project's rules (process/deploiement). */
    static final String TYPE_DEPLOIEMENT_REFUSE = "DeploiementRefuse";
    /** How process/deploiement/DeploiementRefuse begins its message, which the engine's REST gives as a ParseException's. */
    static final String PREFIXE_DEPLOIEMENT_REFUSE = "Déploiement refusé par les règles du projet";

    /** Engine error codes (BuiltinExceptionCode): optimistic locking, deadlock. */
    static final int CODE_VERROU_OPTIMISTE = 1;
    static final int CODE_INTERBLOCAGE = 10_000;

    /** The structured properties of the engine's error DTOs a 4xx keeps (authorizations, deployment and migration reports). */
    private static final List<String> PROPRIETES_GARDEES = List.of("userId", "resourceName", "resourceId", "permissionName",
            "missingAuthorizations", "details", "validationReport");

    private static final int LONGUEUR_MAX_JOURNAL = 4000;

    private final ObjectMapper json = new ObjectMapper();

    /** A rewritten answer: its status and its JSON body. */
    record Reecriture(int statut, byte[] corps) {
        String texte() {
            return new String(corps, StandardCharsets.UTF_8);
        }
    }

    /**
     * The answer to give instead of the engine's, or null to leave it as it is (below 400, an
     * application/problem+json the application wrote itself, a 4xx that is not the engine's JSON).
     *
     * @param uri    the request's address, for the log
     * @param chemin the address below the engine's root ({@code /task/abc/complete}), see {@link ErreursRestMoteur}
     */
    Reecriture reecrire(int statut, String methode, String uri, String chemin, String typeContenu, byte[] corps) {
        if (statut < 400 || (typeContenu != null && typeContenu.toLowerCase(Locale.ROOT).startsWith("application/problem+json"))) {
            return null;
        }
        ObjectNode origine = objet(corps);
        Adresse adresse = Adresse.de(chemin);
        if (statut >= 500) {
            return statut5xx(statut, methode, uri, corps, origine, adresse);
        }
        if (origine == null || !origine.has("type") && !origine.has("message")
                || origine.has("message") && !origine.get("message").isTextual() && !origine.get("message").isNull()) {
            // Not the engine's error JSON: nothing to translate.
            return null;
        }
        String message = sansPrefixe(origine.path("message").asText(""), statut, methode, adresse);
        if (statut == 400 && inexistant(message, adresse)) {
            // « Cannot find task with id … » answered 400 (form-variables of a task completed meanwhile): a 404, as elsewhere.
            LOG.info("Refus du moteur {} (réponse 404) sur {} {} : {}", statut, methode, uri, tronque(message));
            return reponse(404, typeNeutre(404), introuvable(adresse), origine, null, false);
        }
        if (statut == 400 && message.startsWith(PREFIXE_DEPLOIEMENT_REFUSE)
                && Set.of("ParseException", TYPE_DEPLOIEMENT_REFUSE).contains(origine.path("type").asText())) {
            // The project's deployment rules (process/deploiement/DeploiementRefuse): French, quoting only the deployed
            // models themselves (an expression may read like SQL or a class name). The engine's own parse errors begin with ENGINE-.
            return reponse(statut, TYPE_DEPLOIEMENT_REFUSE, message, origine, null, true);
        }
        if (francais(message)) {
            return reponse(statut, typeNeutre(statut), message, origine, null, true);
        }
        LOG.info("Refus du moteur {} sur {} {} : {}", statut, methode, uri, tronque(origine.path("message").asText("")));
        return reponse(statut, typeNeutre(statut), message4xx(statut, origine, message, adresse), origine, null, true);
    }

    private Reecriture statut5xx(int statut, String methode, String uri, byte[] corps, ObjectNode origine, Adresse adresse) {
        String type = origine == null ? "" : origine.path("type").asText("");
        String message = origine == null ? "" : origine.path("message").asText("");
        Integer code = origine != null && origine.path("code").isInt() ? origine.get("code").asInt() : null;
        String id = UUID.randomUUID().toString();
        if ("OptimisticLockingException".equals(type) || Integer.valueOf(CODE_VERROU_OPTIMISTE).equals(code)
                || Integer.valueOf(CODE_INTERBLOCAGE).equals(code) || message.contains("ENGINE-03005")
                || message.contains("updated by another transaction concurrently")) {
            LOG.warn("Modification concurrente {} sur {} {} : {}", id, methode, uri, tronque(message));
            String sujet = adresse.estUneTache() ? "La tâche « " + adresse.id() + " » a été modifiée"
                    : "Les données ont été modifiées";
            return reponse(409, TYPE_MODIFICATION_CONCURRENTE, sujet + " entre-temps par une autre personne ou un autre traitement : "
                    + "votre demande n'a pas été enregistrée. Rechargez et recommencez.", origine, id, false);
        }
        if ("TaskAlreadyClaimedException".equals(type) || message.contains("is already claimed by someone else")) {
            LOG.warn("Tâche déjà prise {} sur {} {} : {}", id, methode, uri, tronque(message));
            String tache = adresse.estUneTache() ? "La tâche « " + adresse.id() + " »" : "La tâche";
            return reponse(409, TYPE_TACHE_DEJA_PRISE, tache + " est déjà prise en charge par une autre personne : "
                    + "rechargez la liste des tâches.", origine, id, false);
        }
        if ("SuspendedEntityInteractionException".equals(type)) {
            LOG.warn("Élément suspendu {} sur {} {} : {}", id, methode, uri, tronque(message));
            return reponse(409, TYPE_ELEMENT_SUSPENDU, "L'élément visé est suspendu : aucune action n'est possible tant qu'un "
                    + "administrateur ne l'a pas réactivé.", origine, id, false);
        }
        if (inexistant(message, adresse)) {
            LOG.info("Refus du moteur {} (réponse 404) sur {} {} : {}", statut, methode, uri, tronque(message));
            return reponse(404, typeNeutre(404), introuvable(adresse), origine, null, false);
        }
        LOG.error("Erreur inattendue {} sur {} {} : réponse {} du moteur : {}", id, methode, uri, statut,
                tronque(new String(corps, StandardCharsets.UTF_8)));
        return reponse(statut, TYPE_ERREUR_INTERNE, detailInattendue(id), origine, id, false);
    }

    /** As the application's API says it (fr.gouv.fabriques.web.Problemes#detailInattendue). */
    static String detailInattendue(String id) {
        return "Une erreur inattendue a empêché de traiter la demande. Réessayez dans un moment ; si elle se reproduit, "
                + "communiquez à l'équipe du programme l'identifiant " + id + ".";
    }

    /**
     * The engine says the id of the address does not exist — « Cannot find task with id {id}: task is null »,
     * « execution {id} doesn't exist: execution is null » — which its REST answers with a 500 for some
     * requests (complete, variables). The id next to those words only: a listener's own message is no 404.
     */
    static boolean inexistant(String message, Adresse adresse) {
        if (adresse.id() == null || adresse.id().isBlank()) {
            return false;
        }
        String id = "'?" + Pattern.quote(adresse.id()) + "'?";
        return Pattern.compile("(?i)(?:cannot find|can't find|no matching) [\\w -]{1,40} with id " + id + "(?![\\w-])").matcher(message).find()
                || Pattern.compile("(?i)(?<![\\w-])" + id + " (?:doesn't|does not) exist").matcher(message).find();
    }

    // --- 4xx ------------------------------------------------------------------------------------

    /** The refusal of a form, 400 to …/task/{id}/submit-form or /complete: the engine's English prefix removed (the rest is the application's). */
    static String sansPrefixe(String message, int statut, String methode, Adresse adresse) {
        if (statut != 400 || !"POST".equals(methode) || !adresse.estUneTache() || adresse.suite().size() != 1
                || !Set.of("submit-form", "complete").contains(adresse.suite().get(0))) {
            return message;
        }
        for (String prefixe : List.of("Cannot submit task form " + adresse.id() + ": ", "Cannot complete task " + adresse.id() + ": ")) {
            if (message.startsWith(prefixe)) {
                return message.substring(prefixe.length());
            }
        }
        return message;
    }

    private String message4xx(int statut, ObjectNode origine, String message, Adresse adresse) {
        return switch (statut) {
            case 400 -> "Requête refusée par le moteur de processus : " + precision400(origine.path("type").asText(""), message, adresse);
            case 401 -> "Authentification requise : présentez vos identifiants Camunda.";
            case 403 -> accesRefuse(origine);
            case 404 -> "NotFoundException".equals(origine.path("type").asText()) || adresse.id() == null
                    ? "Aucune ressource à cette adresse." : introuvable(adresse);
            case 405 -> "Cette méthode HTTP n'est pas permise à cette adresse.";
            case 406 -> "Format de réponse non disponible : cette adresse répond en JSON.";
            case 409 -> "Conflit : l'état actuel ne permet pas cette action. Rechargez et recommencez.";
            case 415 -> "Le type de contenu envoyé n'est pas pris en charge à cette adresse.";
            default -> "La requête a été refusée (statut " + statut + ").";
        };
    }

    private static final Pattern PARAMETRE = Pattern.compile("Cannot set query parameter '([^']+)'");
    private static final Pattern MESSAGE = Pattern.compile("Cannot correlate (?:a )?message '([^']*)'");
    private static final Pattern CHAMP = Pattern.compile("form field '([^']+)'");

    /** What the 400 was about, as far as the engine's message tells it without internals. */
    static String precision400(String type, String message, Adresse adresse) {
        if ("ParseException".equals(type) || message.contains("ENGINE-09005") || message.contains("Could not parse")) {
            return "un modèle déployé est invalide ; les erreurs, par ressource et par ligne, sont dans « details ».";
        }
        Matcher m = MESSAGE.matcher(message);
        if (m.find()) {
            return message.contains("to a single")
                    ? "plusieurs processus attendent le message « " + m.group(1) + " » ; précisez lequel (clé métier, variables)."
                    : "aucun processus n'attend le message « " + m.group(1) + " ».";
        }
        m = PARAMETRE.matcher(message);
        if (m.find()) {
            return "valeur invalide pour le paramètre « " + m.group(1) + " ».";
        }
        m = CHAMP.matcher(message);
        if (m.find()) {
            return "valeur refusée pour le champ « " + m.group(1) + " ».";
        }
        String variable = adresse.variable();
        boolean typeDeValeur = message.contains("Cannot convert value") || message.contains("serializ") || message.contains("Serializ")
                || message.contains("value type") || message.contains("deserializ") || message.contains("not allowed");
        if (variable != null) {
            return "la valeur de la variable « " + variable + " » est refusée" + (typeDeValeur ? " (type annoncé incompatible ou non permis)." : ".");
        }
        if (typeDeValeur) {
            return "une valeur de variable a un type incompatible ou non permis.";
        }
        return "vérifiez l'adresse, les paramètres et le corps de la requête.";
    }

    private static final Map<String, String> RESSOURCES = Map.ofEntries(
            Map.entry("Task", "la tâche"), Map.entry("ProcessInstance", "l'instance de processus"),
            Map.entry("ProcessDefinition", "la définition de processus"), Map.entry("Deployment", "le déploiement"),
            Map.entry("DecisionDefinition", "la définition de décision"), Map.entry("DecisionRequirementsDefinition", "les exigences de décision"),
            Map.entry("Authorization", "les autorisations"), Map.entry("User", "l'utilisateur"), Map.entry("Group", "le groupe"),
            Map.entry("GroupMembership", "les membres du groupe"), Map.entry("Tenant", "le locataire"), Map.entry("Filter", "le filtre"),
            Map.entry("Batch", "le lot"), Map.entry("HistoricTask", "l'historique de la tâche"),
            Map.entry("HistoricProcessInstance", "l'historique de l'instance de processus"), Map.entry("Application", "l'application"),
            Map.entry("System", "le système"), Map.entry("Message", "le message"));

    /** A 403: who lacks what, from the engine's structured report (permissions keep their Camunda names, as in Admin). */
    private static String accesRefuse(ObjectNode origine) {
        List<String> manques = new ArrayList<>();
        for (JsonNode m : origine.path("missingAuthorizations")) {
            manques.add(autorisation(m));
        }
        if (manques.isEmpty() && origine.path("permissionName").isTextual()) {
            manques.add(autorisation(origine));
        }
        String compte = origine.path("userId").isTextual() ? "le compte « " + origine.get("userId").asText() + " »" : "votre compte";
        if (manques.isEmpty()) {
            return "Accès refusé : " + compte + " n'a pas l'autorisation nécessaire pour cette action.";
        }
        return "Accès refusé : " + compte + " n'a pas l'autorisation nécessaire pour cette action ; il lui faudrait "
                + (manques.size() == 1 ? "" : "l'une de celles-ci : ") + String.join(", ou ", manques) + ".";
    }

    private static String autorisation(JsonNode m) {
        String ressource = m.path("resourceName").asText("");
        String libelle = RESSOURCES.getOrDefault(ressource, ressource.isEmpty() ? "la ressource" : "la ressource " + ressource);
        String id = m.path("resourceId").isTextual() ? " « " + m.get("resourceId").asText() + " »" : "";
        return "la permission " + m.path("permissionName").asText("?") + " sur " + libelle + id;
    }

    /** What follows an id and names an action or a view of that element, not another element. */
    private static final Set<String> ACTIONS = Set.of("complete", "submit-form", "claim", "unclaim", "assignee", "delegate", "resolve",
            "form-variables", "variables", "localVariables", "form", "deployed-form", "rendered-form", "xml", "diagram", "start",
            "startForm", "resources", "data", "suspended", "retries", "comment", "identity-links");

    private static String introuvable(Adresse adresse) {
        if (adresse.id() == null) {
            return "Aucune ressource à cette adresse.";
        }
        String qui = adresse.libelle() + (adresse.parCle() ? " de clé" : "") + " « " + adresse.id() + " »";
        if (!ACTIONS.containsAll(adresse.suite())) {
            return "Introuvable : « " + String.join("/", adresse.suite()) + " » (" + qui + ").";
        }
        return qui + " introuvable : l'identifiant est inconnu, ou l'élément a été terminé ou supprimé entre-temps.";
    }

    static String typeNeutre(int statut) {
        return switch (statut) {
            case 400 -> "RequeteInvalide";
            case 401 -> "AuthentificationRequise";
            case 403 -> "AccesRefuse";
            case 404 -> "Introuvable";
            case 405 -> "MethodeNonPermise";
            case 406 -> "FormatNonDisponible";
            case 409 -> "Conflit";
            case 415 -> "TypeDeContenuNonPrisEnCharge";
            default -> statut >= 500 ? TYPE_ERREUR_INTERNE : "RequeteRefusee";
        };
    }

    // --- French or not ---------------------------------------------------------------------------

    /** Quoted ids of the engine ('abc', "abc"), and « … » quotations: not counted as the message's own words. */
    private static final Pattern CITATIONS = Pattern.compile("(?<!\\p{L})'[^']*'(?!\\p{L})|\"[^\"]*\"|«[^»]*»");
    private static final Pattern MOTS = Pattern.compile("[\\p{L}']+");
    private static final Pattern ACCENTS = Pattern.compile("[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŒ]");
    private static final Set<String> MOTS_FRANCAIS = Set.of("le", "la", "les", "des", "du", "un", "une", "est", "sont", "pas", "n'est",
            "aucun", "aucune", "ne", "au", "aux", "ou", "et", "pour", "sur", "dans", "avec", "entre", "reçu", "attendu", "inconnu",
            "inconnue", "refusé", "refusée", "rien", "plus", "moins", "déjà", "doit", "peut", "être", "votre", "vous", "ce", "cette");
    private static final Set<String> MOTS_ANGLAIS = Set.of("the", "with", "cannot", "can't", "can", "not", "does", "doesn't", "is", "are",
            "was", "were", "has", "have", "of", "no", "found", "exist", "exists", "failed", "must", "be", "should", "matching",
            "because", "while", "to", "by", "for", "from", "invalid", "unknown", "unsupported", "null", "error", "exception");
    /** What never reaches a client, whatever the language around it. */
    private static final Pattern INTERNES = Pattern.compile("Exception|ENGINE-\\d|java\\.|javax\\.|jakarta\\.|org\\.|com\\.|\\tat |"
            + "(?i:\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|\\bdelete from\\b|\\bsql|psql|jdbc|hikari)");

    /**
     * Whether a message reads as French: a French word, an accent, French quotes or the space French
     * puts before « : » and « ; », outside quoted ids — and no English word there, nothing internal anywhere.
     */
    static boolean francais(String message) {
        if (message == null || message.isBlank() || INTERNES.matcher(message).find()) {
            return false;
        }
        String propre = CITATIONS.matcher(message).replaceAll(" ");
        boolean indice = message.contains("«") || propre.contains(" : ") || propre.contains(" ; ") || ACCENTS.matcher(propre).find();
        Matcher m = MOTS.matcher(propre.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String mot = m.group();
            if (MOTS_ANGLAIS.contains(mot)) {
                return false;
            }
            indice |= MOTS_FRANCAIS.contains(mot) || mot.startsWith("l'") || mot.startsWith("d'") || mot.startsWith("n'");
        }
        return indice;
    }

    // --- JSON ----------------------------------------------------------------------------------

    private ObjectNode objet(byte[] corps) {
        if (corps == null || corps.length == 0) {
            return null;
        }
        try {
            return json.readTree(corps) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Reecriture reponse(int statut, String type, String message, ObjectNode origine, String id, boolean garderProprietes) {
        ObjectNode r = json.createObjectNode();
        r.put("type", type);
        r.put("message", message);
        if (origine != null && origine.path("code").isInt()) {
            r.put("code", origine.get("code").asInt());
        }
        if (id != null) {
            r.put(IDENTIFIANT_ERREUR, id);
        }
        if (garderProprietes && origine != null) {
            for (String p : PROPRIETES_GARDEES) {
                if (origine.has(p) && !origine.get(p).isNull()) {
                    r.set(p, origine.get(p));
                }
            }
        }
        try {
            return new Reecriture(statut, json.writeValueAsBytes(r));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tronque(String texte) {
        return texte.length() <= LONGUEUR_MAX_JOURNAL ? texte : texte.substring(0, LONGUEUR_MAX_JOURNAL) + "…";
    }

    // --- The address --------------------------------------------------------------------------------

    private static final Map<String, String> LIBELLES = Map.ofEntries(
            Map.entry("task", "Tâche"), Map.entry("process-instance", "Instance de processus"),
            Map.entry("process-definition", "Définition de processus"), Map.entry("deployment", "Déploiement"),
            Map.entry("execution", "Exécution"), Map.entry("job", "Job"), Map.entry("job-definition", "Définition de job"),
            Map.entry("incident", "Incident"), Map.entry("variable-instance", "Variable"), Map.entry("external-task", "Tâche externe"),
            Map.entry("filter", "Filtre"), Map.entry("user", "Utilisateur"), Map.entry("group", "Groupe"),
            Map.entry("authorization", "Autorisation"), Map.entry("tenant", "Locataire"), Map.entry("batch", "Lot"),
            Map.entry("decision-definition", "Définition de décision"),
            Map.entry("decision-requirements-definition", "Définition d'exigences de décision"));

    /**
     * The address below the engine's root, read as {@code /{resource}/{id}/{rest…}} (or
     * {@code /{resource}/key/{key}/…}, and {@code /history/{resource}/…}): what the French messages name.
     */
    record Adresse(String ressource, String libelle, String id, boolean parCle, List<String> suite) {

        static Adresse de(String chemin) {
            List<String> s = new ArrayList<>(Arrays.stream((chemin == null ? "" : chemin).split("/")).filter(p -> !p.isEmpty()).toList());
            boolean historique = !s.isEmpty() && s.get(0).equals("history");
            if (historique) {
                s.remove(0);
            }
            if (s.isEmpty()) {
                return new Adresse("", "Ressource", null, false, List.of());
            }
            String ressource = s.remove(0);
            String libelle = LIBELLES.getOrDefault(ressource, "Ressource") + (historique ? " (historique)" : "");
            boolean parCle = !s.isEmpty() && s.get(0).equals("key") && s.size() >= 2;
            if (parCle) {
                s.remove(0);
            }
            String id = s.isEmpty() || (!parCle && Set.of("count", "create", "key", "suspended", "retries", "delete", "report")
                    .contains(s.get(0))) ? null : s.remove(0);
            if (parCle && s.size() >= 2 && s.get(0).equals("tenant-id")) {
                s = new ArrayList<>(s.subList(2, s.size()));
            }
            return new Adresse(ressource, libelle, id, parCle, List.copyOf(s));
        }

        boolean estUneTache() {
            return "task".equals(ressource) && id != null && !parCle;
        }

        /** {@code …/variables/{name}} or {@code …/localVariables/{name}}: the variable's name. */
        String variable() {
            for (int i = 0; i + 1 < suite.size(); i++) {
                if (suite.get(i).equals("variables") || suite.get(i).equals("localVariables")) {
                    return suite.get(i + 1);
                }
            }
            return null;
        }
    }
}
