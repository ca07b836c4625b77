package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.liste.FiltreDossiers;
import fr.gouv.fabriques.application.liste.LigneExport;
import fr.gouv.fabriques.application.liste.PageDossiers;
import fr.gouv.fabriques.application.liste.TriDossiers;
import java.util.function.Consumer;

/** The dossiers list for agents: one page of it, or every matching dossier streamed for an export. */
public interface ListeDossiersRepository {

    PageDossiers page(FiltreDossiers filtre, TriDossiers tri, boolean descendant, int page, int taille);

    /**
     * Hands every matching dossier, in order, to {@code ligne} while reading them: the rows are
     * fetched by batches through a cursor, never all held in memory. Returns how many there were.
     */
    long parcourir(FiltreDossiers filtre, TriDossiers tri, boolean descendant, Consumer<LigneExport> ligne);
}
