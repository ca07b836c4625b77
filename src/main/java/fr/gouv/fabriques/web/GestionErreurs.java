package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.convention.DocumentConventionIntrouvable;
import fr.gouv.fabriques.application.depot.CleIdempotenceReutilisee;
import fr.gouv.fabriques.application.fiche.AccesFicheRefuse;
import fr.gouv.fabriques.application.depot.DossierDejaOuvert;
import fr.gouv.fabriques.application.piece.PieceIntrouvable;
import fr.gouv.fabriques.application.piece.PiecesTropVolumineuses;
import fr.gouv.fabriques.application.piece.TelechargerPiece;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.FichierTropVolumineux;
import fr.gouv.fabriques.domain.Violation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the application's API as a French problem+json; never a 500 for a client's mistake. */
@RestControllerAdvice(basePackages = "fr.gouv.fabriques.web")
class GestionErreurs {

    private static final Logger LOG = LoggerFactory.getLogger(GestionErreurs.class);

    @ExceptionHandler(AccesPorteurHttp.JetonAbsent.class)
    ResponseEntity<ProblemDetail> jetonAbsent() {
        ResponseEntity<ProblemDetail> r = Problemes.reponse(HttpStatus.UNAUTHORIZED, "Jeton d'accès requis",
                "Présentez le jeton d'accès reçu au dépôt : en-tête « Authorization: Bearer {jetonAcces} ».");
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fabriques\"").body(r.getBody());
    }

    @ExceptionHandler(AccesPorteurHttp.AccesRefuse.class)
    ResponseEntity<ProblemDetail> accesRefuse() {
        // Same answer for an unknown number and a wrong token: nothing tells whether the dossier exists.
        return Problemes.reponse(HttpStatus.NOT_FOUND, "Dossier introuvable",
                "Aucun dossier ne correspond à ce numéro et à ce jeton d'accès.");
    }

    @ExceptionHandler(PiecesTropVolumineuses.class)
    ResponseEntity<ProblemDetail> piecesTropVolumineuses(PiecesTropVolumineuses e) {
        return Problemes.reponse(HttpStatus.PAYLOAD_TOO_LARGE, "Pièces trop volumineuses",
                "Réduisez ou retirez les fichiers listés dans « erreurs » : rien n'a été enregistré.", e.violations());
    }

    @ExceptionHandler(PieceIntrouvable.class)
    ResponseEntity<ProblemDetail> pieceIntrouvable(PieceIntrouvable e) {
        return Problemes.reponse(HttpStatus.NOT_FOUND, "Pièce introuvable", e.getMessage() + ".");
    }

    @ExceptionHandler(TelechargerPiece.AccesPieceRefuse.class)
    ResponseEntity<ProblemDetail> accesPieceRefuse(TelechargerPiece.AccesPieceRefuse e) {
        return Problemes.reponse(HttpStatus.FORBIDDEN, "Accès refusé", e.getMessage());
    }

    @ExceptionHandler(AccesFicheRefuse.class)
    ResponseEntity<ProblemDetail> accesFicheRefuse(AccesFicheRefuse e) {
        return Problemes.reponse(HttpStatus.FORBIDDEN, "Accès refusé", e.getMessage());
    }

    @ExceptionHandler(ErreursValidation.class)
    ResponseEntity<ProblemDetail> validation(ErreursValidation e) {
        return Problemes.reponse(HttpStatus.UNPROCESSABLE_ENTITY, "Données invalides",
                "Corrigez les champs listés dans « erreurs » : rien n'a été enregistré.", e.violations());
    }

    @ExceptionHandler(ErreurMetier.class)
    ResponseEntity<ProblemDetail> metier(ErreurMetier e) {
        List<Violation> v = e.champ() == null ? null : List.of(new Violation(e.champ(), e.getMessage()));
        return Problemes.reponse(HttpStatus.CONFLICT, "Action impossible dans l'état actuel du dossier", e.getMessage(), v);
    }

    @ExceptionHandler(DossierDejaOuvert.class)
    ResponseEntity<ProblemDetail> dejaOuvert(DossierDejaOuvert e) {
        return Problemes.reponse(HttpStatus.CONFLICT, "Candidature déjà ouverte", e.getMessage(),
                List.of(new Violation("structure.siret", e.getMessage())));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> doublon(DuplicateKeyException e) {
        // Two deposits of one SIRET at the same instant: the database's unique index decides.
        if (e.getMessage() != null && e.getMessage().contains("dossier_un_ouvert_par_siret")) {
            return Problemes.reponse(HttpStatus.CONFLICT, "Candidature déjà ouverte",
                    "Un dossier est déjà en cours pour ce SIRET : une structure ne peut avoir qu'une candidature ouverte à la fois.",
                    List.of(new Violation("structure.siret", "un dossier est déjà en cours pour ce SIRET")));
        }
        LOG.warn("Conflit d'unicité", e);
        return Problemes.reponse(HttpStatus.CONFLICT, "Conflit", "Cette opération a déjà été enregistrée.");
    }

    @ExceptionHandler(CleIdempotenceReutilisee.class)
    ResponseEntity<ProblemDetail> cle(CleIdempotenceReutilisee e) {
        return Problemes.reponse(HttpStatus.UNPROCESSABLE_ENTITY, "Clé d'idempotence déjà utilisée", e.getMessage(),
                List.of(new Violation("Idempotency-Key", e.getMessage())));
    }

    @ExceptionHandler(DossierIntrouvable.class)
    ResponseEntity<ProblemDetail> introuvable(DossierIntrouvable e) {
        return Problemes.reponse(HttpStatus.NOT_FOUND, "Dossier introuvable", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrence(OptimisticLockingFailureException e) {
        return Problemes.reponse(HttpStatus.CONFLICT, "Modification concurrente", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> illisible(HttpMessageNotReadableException e) {
        return Problemes.reponse(HttpStatus.BAD_REQUEST, "Requête illisible",
                "Le corps de la requête n'est pas un JSON valide ou est absent.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> typeMedia(HttpMediaTypeNotSupportedException e) {
        return Problemes.reponse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge",
                "Type reçu : " + e.getContentType() + " ; attendu : " + e.getSupportedMediaTypes() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> nonAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problemes.reponse(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible", "Cette API répond en JSON.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methode(HttpRequestMethodNotSupportedException e) {
        return Problemes.reponse(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non permise",
                "La méthode " + e.getMethod() + " n'est pas permise ici ; permises : " + e.getSupportedHttpMethods() + ".");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> parametre(Exception e) {
        return Problemes.reponse(HttpStatus.BAD_REQUEST, "Paramètre manquant ou invalide", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> absent(NoResourceFoundException e) {
        return Problemes.reponse(HttpStatus.NOT_FOUND, "Ressource introuvable", "Aucune ressource à cette adresse.");
    }

    @ExceptionHandler(DocumentConventionIntrouvable.class)
    ResponseEntity<ProblemDetail> documentConvention(DocumentConventionIntrouvable e) {
        return Problemes.reponse(HttpStatus.NOT_FOUND, "Document introuvable", e.getMessage());
    }

    @ExceptionHandler(FichierTropVolumineux.class)
    ResponseEntity<ProblemDetail> fichierTropVolumineux(FichierTropVolumineux e) {
        return Problemes.reponse(HttpStatus.PAYLOAD_TOO_LARGE, "Fichier trop volumineux", e.getMessage() + " : rien n'a été enregistré.",
                List.of(new Violation(e.champ(), e.getMessage())));
    }

    /**
     * The database cannot be reached (no connection within the pool's 3 s, or the server gone): 503, fast,
     * without the driver's message. The engine's wrapping of the same failure is answered by
     * {@link FiltreBaseDeDonneesInjoignable}.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> baseInjoignable(RuntimeException e) throws RuntimeException {
        if (!BaseDeDonneesInjoignable.estEnCause(e) && !(e instanceof DataAccessResourceFailureException)) {
            throw e;
        }
        LOG.warn("Base de données injoignable, réponse 503 : {}", e.toString());
        return BaseDeDonneesInjoignable.reponse();
    }
}
