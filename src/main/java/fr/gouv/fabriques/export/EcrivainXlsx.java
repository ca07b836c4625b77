package fr.gouv.fabriques.export;

import fr.gouv.fabriques.application.port.Tableurs.Colonne;
import fr.gouv.fabriques.application.port.Tableurs.EcrivainTableur;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX by POI's streaming workbook (SXSSF): only the last {@link #FENETRE} rows stay in memory, the
 * others go to a compressed temporary file that {@link #close()} copies into the response, then
 * deletes. Typed cells (numbers, dates with a date format), a bold header frozen at the top with
 * an auto-filter. Cells are text or numbers, never formulas: nothing to inject.
 */
final class EcrivainXlsx implements EcrivainTableur {

    static final int FENETRE = 100;
    /** Excel's limit for the text of one cell. */
    static final int TEXTE_MAX = 32_767;

    private final OutputStream sortie;
    private final List<Colonne> colonnes;
    private final SXSSFWorkbook classeur;
    private final SXSSFSheet feuille;
    private final CellStyle date;
    private final CellStyle dateHeure;
    private final CellStyle decimal;
    private final CellStyle entier;
    private int rang;

    EcrivainXlsx(OutputStream sortie, String nomFeuille, List<Colonne> colonnes) {
        this.sortie = sortie;
        this.colonnes = List.copyOf(colonnes);
        this.classeur = new SXSSFWorkbook(FENETRE);
        classeur.setCompressTempFiles(true);
        this.feuille = classeur.createSheet(nomFeuille);
        var formats = classeur.createDataFormat();
        date = style(formats.getFormat("dd/mm/yyyy"));
        dateHeure = style(formats.getFormat("dd/mm/yyyy hh:mm"));
        decimal = style(formats.getFormat("0.0#"));
        entier = style(formats.getFormat("#,##0"));
        CellStyle gras = classeur.createCellStyle();
        Font police = classeur.createFont();
        police.setBold(true);
        gras.setFont(police);
        Row entete = feuille.createRow(rang++);
        for (int i = 0; i < colonnes.size(); i++) {
            Cell c = entete.createCell(i);
            c.setCellValue(colonnes.get(i).titre());
            c.setCellStyle(gras);
            feuille.setColumnWidth(i, 256 * switch (colonnes.get(i).type()) {
                case TEXTE -> 24;
                case DATE_HEURE -> 17;
                default -> 14;
            });
        }
        feuille.createFreezePane(0, 1);
        feuille.setAutoFilter(new CellRangeAddress(0, 0, 0, colonnes.size() - 1));
    }

    private CellStyle style(short format) {
        CellStyle s = classeur.createCellStyle();
        s.setDataFormat(format);
        return s;
    }

    @Override
    public void ligne(List<?> valeurs) {
        Row ligne = feuille.createRow(rang++);
        for (int i = 0; i < colonnes.size(); i++) {
            Object v = valeurs.get(i);
            if (v == null) {
                continue;
            }
            Cell c = ligne.createCell(i);
            switch (colonnes.get(i).type()) {
                case TEXTE -> {
                    String t = EcrivainOds.texteXml(v.toString());
                    c.setCellValue(t.length() > TEXTE_MAX ? t.substring(0, TEXTE_MAX - 1) + "…" : t);
                }
                case ENTIER -> {
                    c.setCellValue(((Number) v).doubleValue());
                    c.setCellStyle(entier);
                }
                case DECIMAL -> {
                    c.setCellValue(((BigDecimal) v).doubleValue());
                    c.setCellStyle(decimal);
                }
                case DATE -> {
                    c.setCellValue((LocalDate) v);
                    c.setCellStyle(date);
                }
                case DATE_HEURE -> {
                    c.setCellValue((LocalDateTime) v);
                    c.setCellStyle(dateHeure);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            classeur.write(sortie);
            sortie.flush();
        } finally {
            // close() ends the sheets' writers; dispose() makes sure their temporary files are deleted.
            classeur.close();
            classeur.dispose();
        }
    }
}
