package fr.gouv.fabriques.web;

import fr.gouv.fabriques.domain.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem documents, in French, with the faulty fields under {@code erreurs}. */
final class Problemes {

    /** The property of a 500 that names the error in the logs. */
    static final String IDENTIFIANT_ERREUR = "identifiantErreur";

    private static final Logger LOG = LoggerFactory.getLogger(Problemes.class);

    private Problemes() {
    }

    static ResponseEntity<ProblemDetail> reponse(HttpStatus statut, String titre, String detail, List<Violation> violations) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(statut, detail);
        p.setTitle(titre);
        p.setType(URI.create("https://fabriques.gouv.fr/problemes/" + statut.value()));
        if (violations != null && !violations.isEmpty()) {
            p.setProperty("erreurs", violations.stream().map(v -> Map.of("champ", v.champ(), "message", v.message())).toList());
        }
        return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ResponseEntity<ProblemDetail> reponse(HttpStatus statut, String titre, String detail) {
        return reponse(statut, titre, detail, null);
    }

    /**
     * An error nobody foresaw: logged at ERROR with its stack trace under a random identifier, and
     * answered with that identifier only. Nothing of the cause (SQL, class names, messages) reaches
     * the client: the identifier leads support to it in the logs.
     */
    static ResponseEntity<ProblemDetail> inattendue(Throwable cause, String methode, String chemin) {
        String id = UUID.randomUUID().toString();
        LOG.error("Erreur inattendue {} sur {} {}", id, methode, chemin, cause);
        return reponse(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne", detailInattendue(id), null, Map.of(IDENTIFIANT_ERREUR, id));
    }

    static String detailInattendue(String id) {
        return "Une erreur inattendue a empêché de traiter la demande. Réessayez dans un moment ; si elle se reproduit, "
                + "communiquez à l'équipe du programme l'identifiant " + id + ".";
    }

    static ResponseEntity<ProblemDetail> reponse(HttpStatus statut, String titre, String detail, List<Violation> violations,
            Map<String, Object> proprietes) {
        ResponseEntity<ProblemDetail> r = reponse(statut, titre, detail, violations);
        proprietes.forEach(r.getBody()::setProperty);
        return r;
    }

    /** A French title for a status the application has no more precise word for. */
    static String titre(int statut) {
        return switch (statut) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Ressource introuvable";
            case 405 -> "Méthode non permise";
            case 406 -> "Format de réponse non disponible";
            case 409 -> "Conflit";
            case 413 -> "Requête trop volumineuse";
            case 415 -> "Type de contenu non pris en charge";
            case 422 -> "Données invalides";
            case 429 -> "Trop de requêtes";
            case 503 -> "Service indisponible";
            default -> statut >= 500 ? "Erreur interne" : "Requête refusée";
        };
    }

    /** A French sentence for the same statuses, saying what to do. */
    static String detail(int statut) {
        return switch (statut) {
            case 400 -> "La requête est mal formée : vérifiez son adresse, ses paramètres et son corps.";
            case 401 -> "Présentez vos identifiants (agents) ou le jeton d'accès reçu au dépôt (porteurs).";
            case 403 -> "Vous n'avez pas accès à cette ressource.";
            case 404 -> "Aucune ressource à cette adresse.";
            case 405 -> "Cette méthode HTTP n'est pas permise à cette adresse.";
            case 406 -> "Cette API répond en JSON.";
            case 413 -> "La requête dépasse la taille permise : rien n'a été enregistré.";
            case 415 -> "Le type de contenu envoyé n'est pas pris en charge à cette adresse.";
            case 503 -> "Le service est momentanément indisponible : réessayez dans un moment.";
            default -> "La requête a été refusée (statut " + statut + ").";
        };
    }
}
