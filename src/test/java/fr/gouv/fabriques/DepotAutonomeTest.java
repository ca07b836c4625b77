package fr.gouv.fabriques;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone stands alone: no file of the repository points to a file outside it (the programme's rules are in
 * doc/programme.md, the API contract is the OpenAPI document), and every relative link of the README and of
 * doc/ leads to a file that exists in the repository.
 */
class DepotAutonomeTest {

    private static final List<String> RACINES = List.of("README.md", "doc", "src", "bpmn", "forms", ".ci", "pom.xml");
    private static final Pattern HORS_DEPOT = Pattern.compile("\\.\\./shared|\\b(DOMAIN|DESIGN|STACK|DS-API)\\.md\\b");
    private static final Pattern LIEN = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void aucunFichierNeRenvoieHorsDuDepot() throws IOException {
        List<String> fautes = new ArrayList<>();
        for (Path f : fichiersTexte()) {
            List<String> lignes = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lignes.size(); i++) {
                if (HORS_DEPOT.matcher(lignes.get(i)).find() && !f.endsWith("DepotAutonomeTest.java")) {
                    fautes.add(f + ":" + (i + 1) + " : " + lignes.get(i).strip());
                }
            }
        }
        assertThat(fautes).as("renvois hors du dépôt").isEmpty();
    }

    @Test
    void lesLiensRelatifsDeLaDocumentationMenentDansLeDepot() throws IOException {
        List<String> fautes = new ArrayList<>();
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> doc = Files.walk(Path.of("doc"))) {
            doc.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        Path racine = Path.of("").toAbsolutePath().normalize();
        for (Path d : documents) {
            Matcher m = LIEN.matcher(Files.readString(d, StandardCharsets.UTF_8));
            while (m.find()) {
                String cible = m.group(1);
                if (cible.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: an address, not a file
                }
                Path chemin = d.toAbsolutePath().getParent().resolve(cible).normalize();
                if (!chemin.startsWith(racine) || !Files.exists(chemin)) {
                    fautes.add(d + " → " + cible);
                }
            }
        }
        assertThat(fautes).as("liens relatifs cassés ou hors du dépôt").isEmpty();
    }

    private static List<Path> fichiersTexte() throws IOException {
        List<Path> fichiers = new ArrayList<>();
        for (String r : RACINES) {
            Path p = Path.of(r);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile)
                        .filter(x -> !x.toString().contains("node_modules"))
                        .filter(x -> x.toString().matches(".*\\.(md|java|bpmn|dmn|form|yaml|yml|xml|mjs|js|json|txt|sql|properties|html|css)$"))
                        .forEach(fichiers::add);
            }
        }
        return fichiers;
    }
}
