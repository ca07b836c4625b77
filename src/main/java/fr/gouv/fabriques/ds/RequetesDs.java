package fr.gouv.fabriques.ds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector's GraphQL documents, one file per operation in {@code src/main/resources/ds/requetes/}: readable, and
 * validated as they are against the DS schema subset by the tests (RequetesDsTest). A document that uses
 * {@code ...DossierFabriques} gets the fragment appended.
 */
public final class RequetesDs {

    /** Every document the connector sends (the tests validate each). */
    public static final List<String> TOUTES = List.of("dossiers", "dossiers-supprimes", "dossier", "etat-dossier", "descripteurs", "passer-en-instruction",
            "repasser-en-construction", "repasser-en-instruction", "envoyer-message", "accepter", "refuser", "classer-sans-suite");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private RequetesDs() {
    }

    public static String document(String nom) {
        return CACHE.computeIfAbsent(nom, n -> {
            String texte = lire("ds/requetes/" + n + ".graphql");
            return texte.contains("...DossierFabriques") ? texte + "\n" + lire("ds/requetes/fragment-dossier.graphql") : texte;
        });
    }

    public static String lire(String ressource) {
        try (InputStream in = RequetesDs.class.getClassLoader().getResourceAsStream(ressource)) {
            if (in == null) {
                throw new IllegalStateException("Ressource absente : " + ressource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
