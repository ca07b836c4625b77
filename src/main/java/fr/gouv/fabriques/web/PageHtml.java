package fr.gouv.fabriques.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The agents' pages ({@code /agents/**}): whole French documents written by the server, with
 * everything the applicant or an agent typed HTML-escaped. Nothing is loaded from elsewhere:
 * one inline style sheet, allowed by its hash in the Content-Security-Policy (no script, no
 * image, no form), so that a page printed or kept offline looks the same.
 */
final class PageHtml {

    /** The style sheet of every page; its SHA-256 is in {@link #CSP}. */
    static final String CSS = """
            :root { color-scheme: light; }
            body { font: 15px/1.45 "Marianne", Arial, Helvetica, sans-serif; color: #161616; margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 3rem; }
            header { border-bottom: 3px solid #000091; margin-bottom: 1rem; }
            .programme { color: #000091; font-weight: bold; margin: 0; }
            h1 { font-size: 1.6rem; margin: .3rem 0 .4rem; }
            h2 { font-size: 1.25rem; color: #000091; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
            nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
            table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
            th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            thead th, tfoot th { background: #f0f0f8; }
            table.cles th { width: 14rem; background: #f6f6f6; font-weight: normal; color: #3a3a3a; }
            td.montant, th.montant { text-align: right; white-space: nowrap; }
            .texte { white-space: pre-line; }
            .vide { color: #666; font-style: italic; }
            .etat { margin: .2rem 0; }
            .interne { color: #666; }
            a { color: #000091; }
            body.large { max-width: none; }
            form.filtres { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; margin: .5rem 0 1rem; }
            form.filtres label { display: flex; flex-direction: column; font-size: .85rem; color: #3a3a3a; gap: .15rem; }
            form.filtres input, form.filtres select { font: inherit; padding: .2rem .3rem; }
            .boutons a, form.filtres button { display: inline-block; padding: .3rem .8rem; border: 1px solid #000091; background: #fff; color: #000091; text-decoration: none; font: inherit; cursor: pointer; }
            form.filtres button { background: #000091; color: #fff; }
            .boutons { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
            table.liste td, table.liste th { font-size: .9rem; }
            table.liste td:first-child { white-space: nowrap; }
            table.liste th a { color: inherit; }
            .pagination { display: flex; gap: 1rem; align-items: center; }
            @page { margin: 1.5cm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              nav, .ecran { display: none; }
              section.saut { break-before: page; }
              h2, h3 { break-after: avoid; }
              tr { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;
    static final String CSP = "default-src 'none'; style-src '" + empreinte(CSS) + "'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /** Same, for a page whose forms are sent to this server (and nowhere else): GET filters, or posts. */
    static final String CSP_FORMULAIRE = CSP.replace("form-action 'none'", "form-action 'self'");

    private PageHtml() {
    }

    /** Text for an HTML element or a quoted attribute. */
    static String echapper(String texte) {
        if (texte == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(texte.length() + 16);
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A whole document: {@code titre} is text, {@code corps} is HTML already escaped. */
    static String document(String titre, String corps) {
        return document(titre, corps, false, "no-referrer");
    }

    /** Same; {@code large}: the page takes the window's whole width (wide tables). */
    static String document(String titre, String corps, boolean large) {
        return document(titre, corps, large, "no-referrer");
    }

    /**
     * Same, with a referrer policy: a page whose forms post to this server says « same-origin », since under
     * « no-referrer » the browser sends {@code Origin: null} with the form, refused as from another site.
     */
    static String document(String titre, String corps, String politiqueReferent) {
        return document(titre, corps, false, politiqueReferent);
    }

    private static String document(String titre, String corps, boolean large, String politiqueReferent) {
        return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"" + politiqueReferent + "\">\n"
                + "<title>" + echapper(titre) + "</title>\n<style>" + CSS + "</style>\n</head>\n" + (large ? "<body class=\"large\">" : "<body>")
                + "\n" + corps + "</body>\n</html>\n";
    }

    /** A short page saying why the agent cannot see what he asked for. */
    static String message(String titre, String paragrapheHtml) {
        return document(titre + " — Fabriques de Territoire", "<header><p class=\"programme\">Programme Fabriques de Territoire</p><h1>"
                + echapper(titre) + "</h1></header>\n<main><p>" + paragrapheHtml + "</p></main>\n");
    }

    /**
     * 401: sign in to Tasklist first (the page opens with its session), or present Camunda
     * credentials; {@code detail}: why the credentials presented were refused, if any.
     */
    static String connexionRequise(String contexte, String detail) {
        return message("Connexion requise", (detail == null ? "" : echapper(detail) + "</p>\n<p>")
                + "Cette page s'ouvre avec votre connexion à Tasklist ou à Cockpit dans ce navigateur. Connectez-vous d'abord à "
                + "<a href=\"" + echapper(contexte) + "/camunda/app/tasklist/\">Tasklist</a>, puis rouvrez cette page (ou "
                + "présentez vos identifiants Camunda en HTTP Basic).");
    }

    static ResponseEntity<String> reponse(HttpStatus statut, String html) {
        return reponse(statut, html, CSP, "no-referrer");
    }

    /** A page with its own policy (a GET form of filters: {@link #CSP_FORMULAIRE}); no referrer sent. */
    static ResponseEntity<String> reponse(HttpStatus statut, String html, String csp) {
        return reponse(statut, html, csp, "no-referrer");
    }

    /** A page whose forms post to this server: {@link #CSP_FORMULAIRE}, referrer (hence Origin) kept within this server. */
    static ResponseEntity<String> reponseAvecFormulaires(HttpStatus statut, String html) {
        return reponse(statut, html, CSP_FORMULAIRE, "same-origin");
    }

    private static ResponseEntity<String> reponse(HttpStatus statut, String html, String csp, String politiqueReferent) {
        return ResponseEntity.status(statut).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", csp)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", politiqueReferent)
                .body(html);
    }

    /** Same, written directly (before any controller runs). */
    static void ecrire(HttpServletResponse reponse, HttpStatus statut, String html) throws IOException {
        reponse.setStatus(statut.value());
        reponse.setContentType(MediaType.TEXT_HTML_VALUE);
        reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
        reponse.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        reponse.setHeader("Content-Security-Policy", CSP);
        reponse.setHeader("X-Content-Type-Options", "nosniff");
        reponse.setHeader("Referrer-Policy", "no-referrer");
        reponse.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String empreinte(String css) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
