package fr.gouv.fabriques.application.port;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writers of tables (CSV, XLSX, ODS) that write as they go: each line is written to the output
 * when it is given, so an export of any size holds one line in memory (XLSX: a window of lines).
 */
public interface Tableurs {

    /** How a column's values are written: numbers and dates as typed cells in a spreadsheet. */
    enum TypeColonne {
        /** {@code String}. */
        TEXTE,
        /** {@code Integer} or {@code Long}. */
        ENTIER,
        /** {@code BigDecimal}. */
        DECIMAL,
        /** {@code LocalDate}. */
        DATE,
        /** {@code LocalDateTime}, Paris time. */
        DATE_HEURE
    }

    record Colonne(String titre, TypeColonne type) {
    }

    enum FormatExport {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ODS("ods", "application/vnd.oasis.opendocument.spreadsheet");

        private final String extension;
        private final String typeMime;

        FormatExport(String extension, String typeMime) {
            this.extension = extension;
            this.typeMime = typeMime;
        }

        public String extension() {
            return extension;
        }

        public String typeMime() {
            return typeMime;
        }
    }

    /** One table being written; {@link #close()} finishes the file (and frees what the writer kept on disk). */
    interface EcrivainTableur extends AutoCloseable {

        /** One line: a value (or null) per column, of the column's type. */
        void ligne(List<?> valeurs) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Writes the header line at once; {@code feuille} names the sheet (spreadsheets). */
    EcrivainTableur ouvrir(FormatExport format, OutputStream sortie, String feuille, List<Colonne> colonnes) throws IOException;
}
