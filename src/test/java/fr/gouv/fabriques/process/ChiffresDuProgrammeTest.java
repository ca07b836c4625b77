package fr.gouv.fabriques.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.PlafondsFinancement;
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
 * The programme's figures are written once, in configuration ({@code fabriques.financement.*},
 * {@link PlafondsFinancement}): the models analysts deploy (bpmn/: the DMN tables and the BPMN)
 * and the forms (forms/) read them as variables and must not repeat them — a figure written
 * twice is a figure that one day differs.
 */
class ChiffresDuProgrammeTest {

    private static final PlafondsFinancement P = PlafondsFinancement.PROGRAMME_2019;

    @Test
    void niLesModelesNiLesFormulairesNEcriventLesChiffresDuProgramme() throws IOException {
        List<String> trouves = new ArrayList<>();
        for (String dossier : List.of("bpmn", "forms")) {
            try (Stream<Path> fichiers = Files.walk(Path.of(dossier))) {
                for (Path f : fichiers.filter(Files::isRegularFile).toList()) {
                    String texte = Files.readString(f, StandardCharsets.UTF_8);
                    for (int chiffre : List.of(P.plancherTotal(), P.plafondTotal(), P.plafondAnnuel(), P.supplementNumerique())) {
                        Matcher m = ecrit(chiffre).matcher(texte);
                        while (m.find()) {
                            trouves.add(f + " : « " + m.group() + " »");
                        }
                    }
                }
            }
        }
        assertThat(trouves).as("chiffres du programme écrits dans les modèles ou les formulaires (à lire des variables "
                + "plafondAnnuel, plancherTotal, plafondTotal, supplementNumerique… ; voir PlafondsFinancement.variables())").isEmpty();
    }

    @Test
    void lesEcrituresDUnChiffreSontReconnues() {
        assertThat(ecrit(50_000).matcher("\"max\": 50000").find()).isTrue();
        assertThat(ecrit(50_000).matcher("plafond de 50 000 €").find()).isTrue();
        assertThat(ecrit(50_000).matcher("plafond de 50\u00a0000 €").find()).isTrue();
        assertThat(ecrit(50_000).matcher("&gt; 50_000").find()).isTrue();
        assertThat(ecrit(50_000).matcher("150000").find()).as("un autre nombre").isFalse();
        assertThat(ecrit(50_000).matcher("500000").find()).as("un autre nombre").isFalse();
    }

    /** 50000, 50 000, 50 000 (non-breaking or narrow space), 50_000 — as a whole number, not part of a longer one. */
    private static Pattern ecrit(int chiffre) {
        String milliers = Integer.toString(chiffre / 1000);
        String reste = String.format("%03d", chiffre % 1000);
        return Pattern.compile("(?<![0-9])" + milliers + "[ \u00a0\u202f_]?" + reste + "(?![0-9])");
    }
}
