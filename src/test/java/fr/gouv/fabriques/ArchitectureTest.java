package fr.gouv.fabriques;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's layout (README « Où est quoi »), kept: only process/ talks to Camunda (a move to Operaton
 * stays one package), the domain is plain Java, the application does not reach into
 * the web, persistence or process adapters.
 */
class ArchitectureTest {

    static final Path RACINE = Path.of("src/main/java/fr/gouv/fabriques");

    private static List<String> importsInterdits(String paquet, String... prefixes) throws IOException {
        List<String> fautes = new ArrayList<>();
        try (Stream<Path> fichiers = Files.walk(RACINE.resolve(paquet))) {
            for (Path f : fichiers.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String ligne : Files.readAllLines(f)) {
                    for (String prefixe : prefixes) {
                        if (ligne.startsWith("import " + prefixe) || ligne.startsWith("import static " + prefixe)) {
                            fautes.add(RACINE.relativize(f) + " : " + ligne);
                        }
                    }
                }
            }
        }
        return fautes;
    }

    @Test
    void seulProcessImporteCamunda() throws IOException {
        for (String paquet : new String[] {"domain", "application", "web", "persistence", "courriel", "document", "export", "securite"}) {
            if (Files.exists(RACINE.resolve(paquet))) {
                assertThat(importsInterdits(paquet, "org.camunda")).as(paquet).isEmpty();
            }
        }
    }

    @Test
    void leDomaineEstDuJavaSeul() throws IOException {
        assertThat(importsInterdits("domain", "org.springframework", "org.camunda", "com.fasterxml", "jakarta.", "fr.gouv.fabriques.application",
                "fr.gouv.fabriques.web", "fr.gouv.fabriques.persistence", "fr.gouv.fabriques.process")).isEmpty();
    }

    @Test
    void lApplicationNeDependPasDesAdaptateurs() throws IOException {
        assertThat(importsInterdits("application", "fr.gouv.fabriques.web", "fr.gouv.fabriques.persistence", "fr.gouv.fabriques.process",
                "fr.gouv.fabriques.courriel", "fr.gouv.fabriques.document", "fr.gouv.fabriques.export")).isEmpty();
    }
}
