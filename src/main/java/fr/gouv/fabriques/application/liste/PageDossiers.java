package fr.gouv.fabriques.application.liste;

import java.util.List;

/** One page of the dossiers list: its lines, how many dossiers match in all, which page of which size (page 0 first). */
public record PageDossiers(List<ResumeDossier> elements, long total, int page, int taille) {
    public PageDossiers {
        elements = List.copyOf(elements);
    }

    public long pages() {
        return total == 0 ? 1 : (total + taille - 1) / taille;
    }
}
