package fr.gouv.fabriques.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Recognises a database that cannot be reached, whoever wraps the failure (Spring's JDBC and transaction
 * exceptions, the engine's, MyBatis'), and the French 503 given for it. Only the connection's failure is a
 * 503: a constraint or a bad query stays what it is.
 */
final class BaseDeDonneesInjoignable {

    static final String TITRE = "Service momentanément indisponible";
    static final String DETAIL = "La base de données de l'application ne répond pas : la demande n'a pas été traitée. "
            + "Réessayez dans quelques instants.";
    static final String REESSAYER_APRES_SECONDES = "30";

    private BaseDeDonneesInjoignable() {
    }

    static boolean estEnCause(Throwable erreur) {
        Map<Throwable, Boolean> vues = new IdentityHashMap<>();
        for (Throwable t = erreur; t != null && vues.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: the server shuts down or is not accepting connections yet.
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> reponse() {
        ResponseEntity<ProblemDetail> r = Problemes.reponse(HttpStatus.SERVICE_UNAVAILABLE, TITRE, DETAIL);
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, REESSAYER_APRES_SECONDES).body(r.getBody());
    }
}
