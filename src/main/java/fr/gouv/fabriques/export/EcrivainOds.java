package fr.gouv.fabriques.export;

import fr.gouv.fabriques.application.port.Tableurs.Colonne;
import fr.gouv.fabriques.application.port.Tableurs.EcrivainTableur;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * OpenDocument spreadsheet (ODS, the format the RGI prefers), written as it goes (doc/adr/0010): a
 * zip whose first entry is {@code mimetype}, stored uncompressed (how a reader recognises the
 * format), then {@code settings.xml} (header row frozen), {@code content.xml} written row by row
 * by the JDK's StAX writer straight into the compressed entry, and the manifest. Typed cells:
 * {@code float} for numbers, {@code date} with a date style for dates; text is never a formula.
 */
final class EcrivainOds implements EcrivainTableur {

    static final String TYPE_MIME = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ZipOutputStream zip;
    /** Between the XML writer's many small writes and the deflater, which is slow on small chunks. */
    private final BufferedOutputStream tampon;
    private final XMLStreamWriter xml;
    private final List<Colonne> colonnes;

    EcrivainOds(OutputStream sortie, String feuille, List<Colonne> colonnes) throws IOException {
        this.colonnes = List.copyOf(colonnes);
        this.zip = new ZipOutputStream(sortie, StandardCharsets.UTF_8);
        byte[] mimetype = TYPE_MIME.getBytes(StandardCharsets.US_ASCII);
        ZipEntry m = new ZipEntry("mimetype");
        m.setMethod(ZipEntry.STORED);
        m.setSize(mimetype.length);
        m.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        m.setCrc(crc.getValue());
        zip.putNextEntry(m);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("settings.xml"));
        zip.write(reglages(feuille).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("content.xml"));
        tampon = new BufferedOutputStream(zip, 64 * 1024);
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(tampon, "UTF-8");
            debut(feuille);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void debut(String feuille) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("office", OFFICE);
        xml.setPrefix("table", TABLE);
        xml.setPrefix("text", TEXT);
        xml.setPrefix("style", STYLE);
        xml.setPrefix("number", NUMBER);
        xml.setPrefix("fo", FO);
        xml.writeStartElement(OFFICE, "document-content");
        xml.writeNamespace("office", OFFICE);
        xml.writeNamespace("table", TABLE);
        xml.writeNamespace("text", TEXT);
        xml.writeNamespace("style", STYLE);
        xml.writeNamespace("number", NUMBER);
        xml.writeNamespace("fo", FO);
        xml.writeAttribute(OFFICE, "version", "1.2");
        xml.writeStartElement(OFFICE, "automatic-styles");
        styleDate("N1", false);
        styleDate("N2", true);
        styleCellule("ce1", "N1");
        styleCellule("ce2", "N2");
        xml.writeStartElement(STYLE, "style");
        xml.writeAttribute(STYLE, "name", "ce3");
        xml.writeAttribute(STYLE, "family", "table-cell");
        xml.writeEmptyElement(STYLE, "text-properties");
        xml.writeAttribute(FO, "font-weight", "bold");
        xml.writeEndElement();
        xml.writeStartElement(STYLE, "style");
        xml.writeAttribute(STYLE, "name", "co1");
        xml.writeAttribute(STYLE, "family", "table-column");
        xml.writeEmptyElement(STYLE, "table-column-properties");
        xml.writeAttribute(STYLE, "column-width", "3.5cm");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement(OFFICE, "body");
        xml.writeStartElement(OFFICE, "spreadsheet");
        xml.writeStartElement(TABLE, "table");
        xml.writeAttribute(TABLE, "name", texteXml(feuille));
        xml.writeEmptyElement(TABLE, "table-column");
        xml.writeAttribute(TABLE, "style-name", "co1");
        xml.writeAttribute(TABLE, "number-columns-repeated", Integer.toString(colonnes.size()));
        xml.writeStartElement(TABLE, "table-header-rows");
        xml.writeStartElement(TABLE, "table-row");
        for (Colonne c : colonnes) {
            xml.writeStartElement(TABLE, "table-cell");
            xml.writeAttribute(TABLE, "style-name", "ce3");
            xml.writeAttribute(OFFICE, "value-type", "string");
            paragraphes(c.titre());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** dd/mm/yyyy, with hh:mm when {@code heure}. */
    private void styleDate(String nom, boolean heure) throws XMLStreamException {
        xml.writeStartElement(NUMBER, "date-style");
        xml.writeAttribute(STYLE, "name", nom);
        xml.writeEmptyElement(NUMBER, "day");
        xml.writeAttribute(NUMBER, "style", "long");
        separateur("/");
        xml.writeEmptyElement(NUMBER, "month");
        xml.writeAttribute(NUMBER, "style", "long");
        separateur("/");
        xml.writeEmptyElement(NUMBER, "year");
        xml.writeAttribute(NUMBER, "style", "long");
        if (heure) {
            separateur(" ");
            xml.writeEmptyElement(NUMBER, "hours");
            xml.writeAttribute(NUMBER, "style", "long");
            separateur(":");
            xml.writeEmptyElement(NUMBER, "minutes");
            xml.writeAttribute(NUMBER, "style", "long");
        }
        xml.writeEndElement();
    }

    private void separateur(String texte) throws XMLStreamException {
        xml.writeStartElement(NUMBER, "text");
        xml.writeCharacters(texte);
        xml.writeEndElement();
    }

    private void styleCellule(String nom, String format) throws XMLStreamException {
        xml.writeEmptyElement(STYLE, "style");
        xml.writeAttribute(STYLE, "name", nom);
        xml.writeAttribute(STYLE, "family", "table-cell");
        xml.writeAttribute(STYLE, "data-style-name", format);
    }

    @Override
    public void ligne(List<?> valeurs) throws IOException {
        try {
            xml.writeStartElement(TABLE, "table-row");
            for (int i = 0; i < colonnes.size(); i++) {
                cellule(colonnes.get(i), valeurs.get(i));
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void cellule(Colonne colonne, Object v) throws XMLStreamException {
        if (v == null) {
            xml.writeEmptyElement(TABLE, "table-cell");
            return;
        }
        switch (colonne.type()) {
            case TEXTE -> {
                xml.writeStartElement(TABLE, "table-cell");
                xml.writeAttribute(OFFICE, "value-type", "string");
                paragraphes(v.toString());
                xml.writeEndElement();
            }
            case ENTIER, DECIMAL -> {
                xml.writeEmptyElement(TABLE, "table-cell");
                xml.writeAttribute(OFFICE, "value-type", "float");
                xml.writeAttribute(OFFICE, "value", v instanceof BigDecimal b ? b.toPlainString() : v.toString());
            }
            case DATE -> {
                xml.writeEmptyElement(TABLE, "table-cell");
                xml.writeAttribute(TABLE, "style-name", "ce1");
                xml.writeAttribute(OFFICE, "value-type", "date");
                xml.writeAttribute(OFFICE, "date-value", ((LocalDate) v).toString());
            }
            case DATE_HEURE -> {
                xml.writeEmptyElement(TABLE, "table-cell");
                xml.writeAttribute(TABLE, "style-name", "ce2");
                xml.writeAttribute(OFFICE, "value-type", "date");
                xml.writeAttribute(OFFICE, "date-value", DATE_HEURE.format((LocalDateTime) v));
            }
        }
    }

    /** One {@code text:p} per line of the text. */
    private void paragraphes(String texte) throws XMLStreamException {
        for (String ligne : texteXml(texte).split("\r\n|\r|\n", -1)) {
            xml.writeStartElement(TEXT, "p");
            xml.writeCharacters(ligne);
            xml.writeEndElement();
        }
    }

    /** Without the characters XML 1.0 cannot hold (controls other than tab and line ends, U+FFFE, U+FFFF). */
    static String texteXml(String texte) {
        StringBuilder sb = null;
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            boolean interdit = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (interdit && sb == null) {
                sb = new StringBuilder(texte.length()).append(texte, 0, i);
            } else if (!interdit && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? texte : sb.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeEndElement(); // table
            xml.writeEndElement(); // spreadsheet
            xml.writeEndElement(); // body
            xml.writeEndElement(); // document-content
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        tampon.flush();
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
        zip.write(MANIFESTE.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static final String MANIFESTE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
             <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
             <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """;

    /** LibreOffice's view settings: the first row frozen on the sheet. */
    private static String reglages(String feuille) {
        String nom = feuille.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2">
                 <office:settings>
                  <config:config-item-set config:name="ooo:view-settings">
                   <config:config-item-map-indexed config:name="Views">
                    <config:config-item-map-entry>
                     <config:config-item config:name="ViewId" config:type="string">view1</config:config-item>
                     <config:config-item-map-named config:name="Tables">
                      <config:config-item-map-entry config:name="%s">
                       <config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>
                       <config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>
                       <config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item>
                       <config:config-item config:name="PositionTop" config:type="int">0</config:config-item>
                       <config:config-item config:name="PositionBottom" config:type="int">1</config:config-item>
                      </config:config-item-map-entry>
                     </config:config-item-map-named>
                     <config:config-item config:name="ActiveTable" config:type="string">%s</config:config-item>
                    </config:config-item-map-entry>
                   </config:config-item-map-indexed>
                  </config:config-item-set>
                 </office:settings>
                </office:document-settings>
                """.formatted(nom, nom);
    }
}
