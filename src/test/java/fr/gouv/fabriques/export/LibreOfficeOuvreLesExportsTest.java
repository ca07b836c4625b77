package fr.gouv.fabriques.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.port.Tableurs.FormatExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LibreOffice opens the ODS and XLSX exports: {@code soffice --headless --convert-to csv} reads
 * the file and writes its first sheet back as CSV (« ; », UTF-8), compared cell by cell. Skipped
 * where LibreOffice is not installed. Its own user profile under the test's temporary folder, so
 * that it never collides with another running LibreOffice.
 */
class LibreOfficeOuvreLesExportsTest {

    @TempDir
    Path dossier;

    static Path soffice() {
        return Stream.of(System.getenv("SOFFICE"), "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice",
                "/opt/libreoffice/program/soffice").filter(s -> s != null && !s.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    @ParameterizedTest
    @EnumSource(value = FormatExport.class, names = {"ODS", "XLSX"})
    void libreOfficeLitLeFichierAvecSesAccentsEtSesTypes(FormatExport format) throws Exception {
        Path soffice = soffice();
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) absent : test ignoré");
        Path fichier = dossier.resolve("dossiers." + format.extension());
        Files.write(fichier, EcrivainsTableursTest.ecrire(format));
        Path profil = dossier.resolve("profil");
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profil.toUri(), "--headless", "--norestore",
                "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", dossier.resolve("sortie").toString(),
                fichier.toString()).redirectErrorStream(true).redirectOutput(dossier.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("soffice a répondu en 2 minutes").isTrue();
        Path csv = dossier.resolve("sortie").resolve("dossiers.csv");
        assertThat(csv).as(Files.readString(dossier.resolve("soffice.log"))).exists();
        String texte = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> lignes = texte.lines().toList();
        // LibreOffice quotes the text cells only: numbers and dates unquoted were read as numbers and dates.
        assertThat(lignes.get(0)).as(texte).isEqualTo("\"Structure\";\"Montant (€)\";\"Score\";\"Jour\";\"Dépôt\"");
        // Dates shown in the file's own format (dd/mm/yyyy): LibreOffice read them as dates, not text.
        // (the XLSX's amounts carry a thousands separator: « 150,000 » in LibreOffice's default English locale)
        String milliers = format == FormatExport.XLSX ? "," : "";
        assertThat(lignes.get(1)).as(texte).isEqualTo("\"Fabrique de l'Écluse « Œuvre » ; àéèçù\";150" + milliers
                + "000;72.5;09/03/2026;30/11/2026 14:05");
        // A text that looks like a formula stays text; the negative amount is a number.
        assertThat(lignes.get(2)).as(texte).startsWith("\"=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";-1" + milliers + "500");
        assertThat(texte).as("caractère de contrôle retiré").contains("\"Deux\nlignes\";");
    }
}
