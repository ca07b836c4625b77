package fr.gouv.fabriques.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.port.Tableurs.Colonne;
import fr.gouv.fabriques.application.port.Tableurs.EcrivainTableur;
import fr.gouv.fabriques.application.port.Tableurs.FormatExport;
import fr.gouv.fabriques.application.port.Tableurs.TypeColonne;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three writers of the exports: what a spreadsheet finds in the file (types, accents, no formula run). */
class EcrivainsTableursTest {

    static final List<Colonne> COLONNES = List.of(new Colonne("Structure", TypeColonne.TEXTE), new Colonne("Montant (€)", TypeColonne.ENTIER),
            new Colonne("Score", TypeColonne.DECIMAL), new Colonne("Jour", TypeColonne.DATE), new Colonne("Dépôt", TypeColonne.DATE_HEURE));

    /** Rows with the texts a spreadsheet would run as formulas, a negative amount, accents, a line break and a control character. */
    static final List<List<Object>> LIGNES = List.of(
            Arrays.asList("Fabrique de l'Écluse « Œuvre » ; àéèçù", 150000, new BigDecimal("72.5"), LocalDate.of(2026, 3, 9),
                    LocalDateTime.of(2026, 11, 30, 14, 5)),
            Arrays.asList("=HYPERLINK(\"http://x\";\"clic\")", -1500, null, null, null),
            Arrays.asList("+33 1 23", 0, BigDecimal.ZERO, null, null),
            Arrays.asList("-2+3", null, null, null, null),
            Arrays.asList("@SOMME(A1)", null, null, null, null),
            Arrays.asList("\tTab", null, null, null, null),
            Arrays.asList("Deux\nlignes\u0001", null, null, null, null));

    static byte[] ecrire(FormatExport format) throws IOException {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try (EcrivainTableur e = new TableursFichiers().ouvrir(format, sortie, "Dossiers", COLONNES)) {
            for (List<Object> l : LIGNES) {
                e.ligne(l);
            }
        }
        return sortie.toByteArray();
    }

    @Test
    void csvUtf8AvecBomPointVirguleEtSansFormule() throws IOException {
        byte[] octets = ecrire(FormatExport.CSV);
        assertThat(Arrays.copyOf(octets, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String texte = new String(octets, 3, octets.length - 3, StandardCharsets.UTF_8);
        assertThat(texte).startsWith("Structure;Montant (€);Score;Jour;Dépôt\r\n");
        List<CSVRecord> lignes = CSVParser.parse(texte, EcrivainCsv.FORMAT).getRecords();
        assertThat(lignes).hasSize(1 + LIGNES.size());
        assertThat(lignes.get(1).values()).containsExactly("Fabrique de l'Écluse « Œuvre » ; àéèçù", "150000", "72,5", "09/03/2026",
                "30/11/2026 14:05");
        // Text that a spreadsheet would run starts with an apostrophe; the negative amount stays a number.
        assertThat(lignes.get(2).values()).containsExactly("'=HYPERLINK(\"http://x\";\"clic\")", "-1500", "", "", "");
        assertThat(lignes.get(3).get(0)).isEqualTo("'+33 1 23");
        assertThat(lignes.get(4).get(0)).isEqualTo("'-2+3");
        assertThat(lignes.get(5).get(0)).isEqualTo("'@SOMME(A1)");
        assertThat(lignes.get(6).get(0)).isEqualTo("'\tTab");
        assertThat(lignes.get(7).get(0)).startsWith("Deux\nlignes");
        assertThat(EcrivainCsv.neutraliser("\rx")).isEqualTo("'\rx");
        assertThat(EcrivainCsv.neutraliser("Lundi = jour")).isEqualTo("Lundi = jour");
    }

    @Test
    void xlsxCellulesTypeesEtEnteteFige() throws IOException {
        try (XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(ecrire(FormatExport.XLSX)))) {
            Sheet feuille = classeur.getSheet("Dossiers");
            assertThat(feuille.getPaneInformation().isFreezePane()).isTrue();
            assertThat(feuille.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Row entete = feuille.getRow(0);
            assertThat(entete.getCell(4).getStringCellValue()).isEqualTo("Dépôt");
            assertThat(classeur.getFontAt(entete.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row r = feuille.getRow(1);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("Fabrique de l'Écluse « Œuvre » ; àéèçù");
            assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(150000);
            assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(72.5);
            Cell jour = r.getCell(3);
            assertThat(DateUtil.isCellDateFormatted(jour)).isTrue();
            assertThat(jour.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 9, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(r.getCell(4))).isTrue();
            assertThat(r.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 30, 14, 5));
            Row formule = feuille.getRow(2);
            assertThat(formule.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formule.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(formule.getCell(1).getNumericCellValue()).isEqualTo(-1500);
            assertThat(formule.getCell(2)).isNull();
            assertThat(feuille.getLastRowNum()).isEqualTo(LIGNES.size());
        }
    }

    @Test
    void odsMimetypeEnPremierNonCompresseEtContenuType() throws Exception {
        byte[] octets = ecrire(FormatExport.ODS);
        // Readers recognise the format by these bytes at offset 30 (the first entry's name, then its stored content).
        assertThat(new String(octets, 30, 8 + EcrivainOds.TYPE_MIME.length(), StandardCharsets.US_ASCII))
                .isEqualTo("mimetype" + EcrivainOds.TYPE_MIME);
        List<String> entrees = new ArrayList<>();
        byte[] contenu = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(octets))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entrees.add(e.getName());
                if (e.getName().equals("mimetype")) {
                    assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                }
                if (e.getName().equals("content.xml")) {
                    contenu = zip.readAllBytes();
                }
            }
        }
        assertThat(entrees).startsWith("mimetype").contains("content.xml", "settings.xml", "META-INF/manifest.xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(contenu));
        String table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        NodeList lignes = doc.getElementsByTagNameNS(table, "table-row");
        assertThat(lignes.getLength()).isEqualTo(1 + LIGNES.size());
        NodeList cellules = ((Element) lignes.item(1)).getElementsByTagNameNS(table, "table-cell");
        assertThat(cellules.item(0).getTextContent()).isEqualTo("Fabrique de l'Écluse « Œuvre » ; àéèçù");
        assertThat(((Element) cellules.item(1)).getAttributeNS(office, "value-type")).isEqualTo("float");
        assertThat(((Element) cellules.item(1)).getAttributeNS(office, "value")).isEqualTo("150000");
        assertThat(((Element) cellules.item(2)).getAttributeNS(office, "value")).isEqualTo("72.5");
        assertThat(((Element) cellules.item(3)).getAttributeNS(office, "date-value")).isEqualTo("2026-03-09");
        assertThat(((Element) cellules.item(4)).getAttributeNS(office, "value-type")).isEqualTo("date");
        assertThat(((Element) cellules.item(4)).getAttributeNS(office, "date-value")).isEqualTo("2026-11-30T14:05:00");
        Element negatif = (Element) ((Element) lignes.item(2)).getElementsByTagNameNS(table, "table-cell").item(1);
        assertThat(negatif.getAttributeNS(office, "value")).isEqualTo("-1500");
        Element deuxLignes = (Element) ((Element) lignes.item(7)).getElementsByTagNameNS(table, "table-cell").item(0);
        assertThat(deuxLignes.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "p").getLength()).isEqualTo(2);
        assertThat(deuxLignes.getTextContent()).isEqualTo("Deuxlignes");
    }
}
