package fr.gouv.fabriques.export;

import fr.gouv.fabriques.application.port.Tableurs;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** The three formats of the exports (README « Tous les dossiers et exports »), each written as it goes. */
@Component
class TableursFichiers implements Tableurs {

    @Override
    public EcrivainTableur ouvrir(FormatExport format, OutputStream sortie, String feuille, List<Colonne> colonnes) throws IOException {
        return switch (format) {
            case CSV -> new EcrivainCsv(sortie, colonnes);
            case XLSX -> new EcrivainXlsx(sortie, feuille, colonnes);
            case ODS -> new EcrivainOds(sortie, feuille, colonnes);
        };
    }
}
