package fr.gouv.fabriques.export;

import fr.gouv.fabriques.application.port.Tableurs.Colonne;
import fr.gouv.fabriques.application.port.Tableurs.EcrivainTableur;
import fr.gouv.fabriques.application.port.Tableurs.TypeColonne;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for a spreadsheet opened in France: « ; » between fields, CRLF, UTF-8 with a byte order mark
 * (without it Excel reads the accents as Windows-1252), decimal comma, dates dd/MM/yyyy HH:mm.
 * Formula injection (CWE-1236): a text cell starting with = + - @, a tab or a carriage return
 * would be run by the spreadsheet as a formula; it is written after an apostrophe. Numbers are
 * written as numbers (a negative amount stays a number), so only text is guarded.
 */
final class EcrivainCsv implements EcrivainTableur {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.RFC4180).setDelimiter(';').setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL).get();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final OutputStream sortie;
    private final CSVPrinter imprimante;
    private final List<Colonne> colonnes;
    private final List<String> cellules;

    EcrivainCsv(OutputStream sortie, List<Colonne> colonnes) throws IOException {
        this.sortie = sortie;
        this.colonnes = List.copyOf(colonnes);
        this.cellules = new ArrayList<>(colonnes.size());
        sortie.write(BOM);
        this.imprimante = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(sortie, StandardCharsets.UTF_8), 16 * 1024), FORMAT);
        for (Colonne c : colonnes) {
            cellules.add(neutraliser(c.titre()));
        }
        imprimante.printRecord(cellules);
    }

    @Override
    public void ligne(List<?> valeurs) throws IOException {
        cellules.clear();
        for (int i = 0; i < colonnes.size(); i++) {
            cellules.add(cellule(colonnes.get(i).type(), valeurs.get(i)));
        }
        imprimante.printRecord(cellules);
    }

    static String cellule(TypeColonne type, Object valeur) {
        if (valeur == null) {
            return "";
        }
        return switch (type) {
            case TEXTE -> neutraliser(valeur.toString());
            case ENTIER -> valeur.toString();
            case DECIMAL -> ((BigDecimal) valeur).toPlainString().replace('.', ',');
            case DATE -> DATE.format((LocalDate) valeur);
            case DATE_HEURE -> DATE_HEURE.format((LocalDateTime) valeur);
        };
    }

    /** A text a spreadsheet would take for a formula gets a leading apostrophe (shown as text, never run). */
    static String neutraliser(String texte) {
        if (!texte.isEmpty() && "=+-@\t\r".indexOf(texte.charAt(0)) >= 0) {
            return "'" + texte;
        }
        return texte;
    }

    @Override
    public void close() throws IOException {
        imprimante.flush();
        sortie.flush();
    }
}
