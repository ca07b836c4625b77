package fr.gouv.fabriques.process.commun;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The engine's REST API — {@code /engine-rest} and the webapps' own copy of it,
 * {@code /camunda/api/engine} (what Tasklist and Cockpit call) — answers an error with Camunda's JSON
 * {@code {"type": "<Java class>", "message": "<engine English>", "code": …}}: a 500 shows SQL, class
 * names and listener messages, a concurrent change is a 500, a 404 or 403 reads in English. This filter
 * puts in its place the same shape, with a neutral {@code type} and a French {@code message}, as
 * {@link ReponsesErreurMoteur} decides: a 5xx is logged with an identifier given in the answer, a
 * concurrent change is a 409, the application's own French refusals of a form are kept, without the
 * engine's English prefix.
 *
 * <p><b>What the webapps read in an error</b> (camunda-webapp-webjar 7.24, {@code app/*}{@code /camunda-*-bootstrap.js}
 * and {@code plugin/*}{@code /app/plugin.js}): the common HTTP error handler shows {@code message} for a 500,
 * their own localized text for 401, 404 and other statuses; for a 403, it builds a message from
 * {@code permissionName}, {@code resourceName}, {@code resourceId} and {@code missingAuthorizations}
 * only when {@code type} is {@code "AuthorizationException"}, else shows its generic French « Le serveur
 * a refusé l'exécution d'une action ». Cockpit's variables plugin tests the same type to choose between two
 * of its messages; Admin's metrics page shows « type: message ». The SDK Tasklist uses for forms and
 * tasks takes {@code message}. No other {@code type} value is tested anywhere ({@code OptimisticLockingException}
 * included), nor {@code code}. So {@code message} stays, French, and {@code type} becomes neutral
 * everywhere: a 403 then shows the webapps' generic sentence instead of the list of missing permissions,
 * which the answer's {@code message} still gives to any other client (the structured properties are kept).
 *
 * <p><b>Only errors are held.</b> The answer is held in memory only when the engine begins writing it with
 * a status of 400 or more; any other answer (a deployment's resource, a file variable, a large list)
 * streams to the client as before. A servlet filter rather than a JAX-RS exception mapper: the webapps'
 * REST application takes no extra provider, and one filter serves both paths. Registered after the
 * engine's authentication filter of {@code /engine-rest}, whose French 401 and 429 (problem+json) it
 * would leave alone anyway.
 */
public class ErreursRestMoteur extends OncePerRequestFilter {

    private final String racineRest;
    private final String racineWebapps;
    private final ReponsesErreurMoteur reponses = new ReponsesErreurMoteur();

    /** {@code /engine/{name}} before a resource: optional on /engine-rest, always there on the webapps' API. */
    private static final Pattern MOTEUR_NOMME = Pattern.compile("^/engine/[^/]+(?=/|$)");

    /**
     * @param cheminRest    spring.jersey.application-path, /engine-rest
     * @param cheminWebapps camunda.bpm.webapp.application-path, /camunda (its engine API is {@code …/api/engine})
     */
    public ErreursRestMoteur(String cheminRest, String cheminWebapps) {
        this.racineRest = cheminRest.replaceAll("/+$", "");
        this.racineWebapps = cheminWebapps.replaceAll("/+$", "") + "/api/engine";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        ReponseRetenue enveloppe = new ReponseRetenue(reponse);
        chaine.doFilter(requete, enveloppe);
        if (enveloppe.erreurConteneur) {
            // sendError: the container's error page (ErreurFinale) answers, in French, and logs a 5xx.
            return;
        }
        byte[] corps = enveloppe.contenuRetenu();
        if (corps == null && (reponse.getStatus() < 500 || reponse.isCommitted())) {
            return;
        }
        ReponsesErreurMoteur.Reecriture r = reponses.reecrire(reponse.getStatus(), requete.getMethod(), requete.getRequestURI(),
                chemin(requete), reponse.getContentType(), corps == null ? new byte[0] : corps);
        if (r == null) {
            if (corps != null) {
                reponse.getOutputStream().write(corps);
            }
            return;
        }
        reponse.setStatus(r.statut());
        reponse.setContentType("application/json");
        reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
        reponse.setContentLength(r.corps().length);
        reponse.getOutputStream().write(r.corps());
    }

    /** The address below the engine's root: {@code /task/abc/complete}, decoded. */
    String chemin(HttpServletRequest requete) {
        String chemin = requete.getRequestURI().substring(requete.getContextPath().length());
        for (String racine : new String[] {racineWebapps, racineRest}) {
            if (chemin.startsWith(racine + "/") || chemin.equals(racine)) {
                chemin = chemin.substring(racine.length());
                break;
            }
        }
        chemin = MOTEUR_NOMME.matcher(chemin).replaceFirst("");
        return UriUtils.decode(chemin, StandardCharsets.UTF_8);
    }

    /**
     * Passes everything through to the response, except a body begun with an error status (400 or
     * more), which it holds until the filter decides. Unlike Spring's ContentCachingResponseWrapper,
     * which holds every body, a success streams.
     */
    static final class ReponseRetenue extends HttpServletResponseWrapper {

        private ByteArrayOutputStream tampon;
        private boolean decide;
        private boolean erreurConteneur;
        private ServletOutputStream flux;
        private PrintWriter ecrivain;

        ReponseRetenue(HttpServletResponse reponse) {
            super(reponse);
        }

        private boolean retenir() {
            if (!decide) {
                decide = true;
                if (getStatus() >= 400) {
                    tampon = new ByteArrayOutputStream();
                }
            }
            return tampon != null;
        }

        /** The held body, or null when nothing was held (a success, or nothing written). */
        byte[] contenuRetenu() {
            if (tampon == null) {
                return null;
            }
            if (ecrivain != null) {
                ecrivain.flush();
            }
            return tampon.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!retenir()) {
                return super.getOutputStream();
            }
            if (ecrivain != null) {
                throw new IllegalStateException("getWriter() already called");
            }
            if (flux == null) {
                flux = new FluxRetenu(tampon);
            }
            return flux;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!retenir()) {
                return super.getWriter();
            }
            if (flux != null) {
                throw new IllegalStateException("getOutputStream() already called");
            }
            if (ecrivain == null) {
                String encodage = getCharacterEncoding();
                ecrivain = new PrintWriter(new OutputStreamWriter(tampon, encodage == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encodage)));
            }
            return ecrivain;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (tampon == null) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int longueur) {
            if (tampon == null) {
                super.setContentLength(longueur);
            }
        }

        @Override
        public void setContentLengthLong(long longueur) {
            if (tampon == null) {
                super.setContentLengthLong(longueur);
            }
        }

        @Override
        public void setHeader(String nom, String valeur) {
            if (tampon == null || !"Content-Length".equalsIgnoreCase(nom)) {
                super.setHeader(nom, valeur);
            }
        }

        @Override
        public void addHeader(String nom, String valeur) {
            if (tampon == null || !"Content-Length".equalsIgnoreCase(nom)) {
                super.addHeader(nom, valeur);
            }
        }

        @Override
        public void setIntHeader(String nom, int valeur) {
            if (tampon == null || !"Content-Length".equalsIgnoreCase(nom)) {
                super.setIntHeader(nom, valeur);
            }
        }

        @Override
        public void resetBuffer() {
            if (tampon != null) {
                tampon.reset();
            } else {
                super.resetBuffer();
            }
        }

        @Override
        public void reset() {
            super.reset();
            tampon = null;
            flux = null;
            ecrivain = null;
            decide = false;
        }

        @Override
        public void sendError(int statut, String message) throws IOException {
            abandonner();
            super.sendError(statut, message);
        }

        @Override
        public void sendError(int statut) throws IOException {
            abandonner();
            super.sendError(statut);
        }

        private void abandonner() {
            erreurConteneur = true;
            tampon = null;
            decide = true;
        }
    }

    /** The held body's stream. */
    private static final class FluxRetenu extends ServletOutputStream {

        private final ByteArrayOutputStream tampon;

        FluxRetenu(ByteArrayOutputStream tampon) {
            this.tampon = tampon;
        }

        @Override
        public void write(int b) {
            tampon.write(b);
        }

        @Override
        public void write(byte[] b, int debut, int longueur) {
            tampon.write(b, debut, longueur);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener ecouteur) {
            throw new UnsupportedOperationException();
        }
    }
}
