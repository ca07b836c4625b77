package fr.gouv.fabriques.domain.simulation;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A deliberated wave and the programme's counters as they stood before its publication.
 *
 * @param quotas         cumulative quota of each category for this wave
 * @param laureatsAvant  laureates per category already counted before this wave
 * @param etatReconstitue true when the counters were not recorded (published before V59) and were rebuilt
 */
public record VagueRejouee(String code, Appel appel, LocalDate dateComite, Map<Categorie, Integer> quotas, Map<Categorie, Integer> laureatsAvant,
        long enveloppe, long engageAvant, boolean etatReconstitue, List<DossierRejoue> dossiers) {

    public VagueRejouee {
        quotas = Map.copyOf(quotas);
        laureatsAvant = Map.copyOf(laureatsAvant);
        dossiers = List.copyOf(dossiers);
    }
}
