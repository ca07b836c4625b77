package fr.gouv.fabriques.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.LigneDossier;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.Mouvement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejeuTest {

    private static DossierRejoue dossier(String numero, Categorie c, double score, TypeDecision decision) {
        return new DossierRejoue(numero.hashCode(), numero, "Structure " + numero, c, "84", "01", Map.of(), false, true, null,
                BigDecimal.valueOf(score), score >= 50 ? Avis.FAVORABLE : Avis.DEFAVORABLE, Avis.FAVORABLE, true, decision, 100_000);
    }

    /** Two waves, QPV: 2 laureates each, chosen by score (as a committee following its agenda). */
    private static List<VagueRejouee> vagues(int quotaQpv) {
        List<DossierRejoue> v1 = List.of(dossier("A", Categorie.QPV, 90, TypeDecision.LAUREAT), dossier("B", Categorie.QPV, 80, TypeDecision.LAUREAT),
                dossier("C", Categorie.QPV, 70, TypeDecision.REFUSE), dossier("D", Categorie.QPV, 40, TypeDecision.REFUSE));
        List<DossierRejoue> v2 = List.of(dossier("E", Categorie.QPV, 85, TypeDecision.LAUREAT), dossier("F", Categorie.QPV, 75, TypeDecision.LAUREAT),
                dossier("G", Categorie.QPV, 60, TypeDecision.REFUSE));
        Map<Categorie, Integer> quotas = Map.of(Categorie.HORS_GRANDS_CENTRES, 10, Categorie.QPV, quotaQpv, Categorie.NUMERIQUE_QPV, 2);
        Map<Categorie, Integer> zero = Map.of(Categorie.HORS_GRANDS_CENTRES, 0, Categorie.QPV, 0, Categorie.NUMERIQUE_QPV, 0);
        return List.of(new VagueRejouee("V1", Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2020, 1, 1), quotas, zero, 10_000_000, 0, false, v1),
                new VagueRejouee("V2", Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2020, 4, 1), quotas,
                        Map.of(Categorie.HORS_GRANDS_CENTRES, 0, Categorie.QPV, 2, Categorie.NUMERIQUE_QPV, 0), 10_000_000, 200_000, false, v2));
    }

    private static Regles scores(Map<String, Double> nouveaux) {
        return new Regles() {
            public boolean eligible(DossierRejoue d) {
                return true;
            }

            public BigDecimal score(DossierRejoue d) {
                return BigDecimal.valueOf(nouveaux.getOrDefault(d.numero(), d.scoreEnregistre().doubleValue()));
            }

            public Avis recommandation(DossierRejoue d, BigDecimal score) {
                return score.doubleValue() >= 50 ? Avis.FAVORABLE : Avis.DEFAVORABLE;
            }
        };
    }

    @Test
    void lesReglesEnregistreesNeChangentRien() {
        RapportSimulation r = Rejeu.rejouer(vagues(10), Regles.ENREGISTREES, Rejeu.Options.AUCUNE);
        assertThat(r.dossiersChanges()).isZero();
        assertThat(r.lignes()).isEmpty();
        assertThat(r.global().dossiersRejoues()).isEqualTo(7);
        assertThat(r.vagues().get(0).synthese().categories().get(1).dansQuotaApres()).isEqualTo(2);
    }

    @Test
    void unScoreQuiMonteFaitEntrerUnDossierEtSortirLeDernier() {
        RapportSimulation r = Rejeu.rejouer(vagues(10), scores(Map.of("C", 95.0)), Rejeu.Options.AUCUNE);
        Map<String, Mouvement> mouvements = new java.util.HashMap<>();
        r.lignes().stream().filter(l -> l.mouvement() != null).forEach(l -> mouvements.put(l.numero(), l.mouvement()));
        assertThat(mouvements).isEqualTo(Map.of("C", Mouvement.ENTRERAIT, "B", Mouvement.SORTIRAIT));
        LigneDossier c = r.lignes().stream().filter(l -> l.numero().equals("C")).findFirst().orElseThrow();
        assertThat(c.rangAvant()).isEqualTo(3);
        assertThat(c.rangApres()).isEqualTo(1);
        // The second wave is not disturbed: the committee's number of places is kept.
        assertThat(r.vagues().get(1).lignes()).isEmpty();
    }

    @Test
    void unQuotaPlusBasDeplaceLaLimite() {
        Map<Categorie, Integer> quotas = Map.of(Categorie.QPV, 3);
        RapportSimulation r = Rejeu.rejouer(vagues(10), Regles.ENREGISTREES, new Rejeu.Options(quotas, null));
        List<String> sortants = new ArrayList<>();
        r.lignes().stream().filter(l -> l.mouvement() == Mouvement.SORTIRAIT).forEach(l -> sortants.add(l.numero()));
        // 2 places taken by the first wave, 1 left for the second: F (rank 2) falls out.
        assertThat(sortants).containsExactly("F");
        assertThat(r.vagues().get(1).synthese().categories().get(1).placesApres()).isEqualTo(1);
    }

    @Test
    void unePlaceLaisseeVideParUneRegleVaALaVagueSuivante() {
        // B becomes défavorable: only A in the first wave, three places in the second (E, F, G).
        RapportSimulation r = Rejeu.rejouer(vagues(10), scores(Map.of("B", 30.0, "C", 30.0)), Rejeu.Options.AUCUNE);
        assertThat(r.lignes().stream().filter(l -> l.mouvement() == Mouvement.ENTRERAIT).map(LigneDossier::numero)).containsExactly("G");
        assertThat(r.lignes().stream().filter(l -> l.mouvement() == Mouvement.SORTIRAIT).map(LigneDossier::numero)).containsExactly("B");
    }

    @Test
    void lEnveloppeCandidateBorneLesLaureats() {
        RapportSimulation r = Rejeu.rejouer(vagues(10), Regles.ENREGISTREES, new Rejeu.Options(Map.of(), 350_000L));
        assertThat(r.lignes().stream().filter(l -> l.mouvement() == Mouvement.SORTIRAIT).map(LigneDossier::numero)).containsExactly("F");
        assertThat(r.global().enveloppeApres()).isEqualTo(300_000);
    }
}
