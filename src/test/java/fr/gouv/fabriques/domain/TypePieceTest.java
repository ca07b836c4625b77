package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Types recognised from the content only. */
class TypePieceTest {

    static byte[] octets(String texte) {
        return texte.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal ODF package: « mimetype » first and stored, then the content. */
    static byte[] odf(String mime) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] m = mime.getBytes(StandardCharsets.US_ASCII);
            ZipEntry e = new ZipEntry("mimetype");
            e.setMethod(ZipEntry.STORED);
            e.setSize(m.length);
            CRC32 crc = new CRC32();
            crc.update(m);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(m);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(octets("<office:document-content/>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(octets("<manifest:manifest/>"));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] zip(String... noms) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("un commentaire d'archive");
            for (String nom : noms) {
                zip.putNextEntry(new ZipEntry(nom));
                zip.write(octets("<xml/>"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] docx() throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml");
    }

    @Test
    void typesReconnus() throws IOException {
        assertThat(TypePiece.detecter(octets("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"))).contains(TypePiece.PDF);
        assertThat(TypePiece.detecter(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13})).contains(TypePiece.PNG);
        assertThat(TypePiece.detecter(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}))
                .contains(TypePiece.JPEG);
        assertThat(TypePiece.detecter(odf("application/vnd.oasis.opendocument.text"))).contains(TypePiece.ODT);
        assertThat(TypePiece.detecter(docx())).contains(TypePiece.DOCX);
    }

    @Test
    void contenusRefuses() throws IOException {
        assertThat(TypePiece.detecter(new byte[0])).isEmpty();
        assertThat(TypePiece.detecter(octets("MZ\u0090\u0000\u0003\u0000\u0000\u0000"))).as("exécutable Windows").isEmpty();
        assertThat(TypePiece.detecter(octets("\u007fELF\u0002\u0001\u0001"))).as("exécutable Linux").isEmpty();
        assertThat(TypePiece.detecter(octets("Ceci est un texte nommé statuts.pdf"))).isEmpty();
        assertThat(TypePiece.detecter(octets(" %PDF-1.7"))).as("la signature doit être au début").isEmpty();
        assertThat(TypePiece.detecter(octets("%PD"))).isEmpty();
        assertThat(TypePiece.detecter(octets("GIF89a"))).isEmpty();
        assertThat(TypePiece.detecter(odf("application/vnd.oasis.opendocument.text-template"))).as("modèle .ott").isEmpty();
        assertThat(TypePiece.detecter(odf("application/vnd.oasis.opendocument.spreadsheet"))).as(".ods").isEmpty();
        assertThat(TypePiece.detecter(zip("word/document.xml"))).as("zip sans [Content_Types].xml").isEmpty();
        assertThat(TypePiece.detecter(zip("[Content_Types].xml", "xl/workbook.xml"))).as(".xlsx").isEmpty();
        assertThat(TypePiece.detecter(zip("a.txt"))).isEmpty();
        byte[] tronque = java.util.Arrays.copyOf(docx(), 200);
        assertThat(TypePiece.detecter(tronque)).as("zip tronqué").isEmpty();
        assertThat(TypePiece.detecter(octets("PK\u0003\u0004"))).isEmpty();
    }

    @Test
    void repertoireZipLuSansDecompresser() throws IOException {
        assertThat(TypePiece.nomsDuRepertoireZip(docx())).containsExactly("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                "word/styles.xml");
    }

    @Test
    void mimeEtListe() {
        assertThat(TypePiece.parMime("application/pdf")).contains(TypePiece.PDF);
        assertThat(TypePiece.parMime("text/plain")).isEmpty();
        assertThat(TypePiece.listeLisible()).isEqualTo("PDF, PNG, JPEG, ODT ou DOCX");
    }
}
