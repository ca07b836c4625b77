package fr.gouv.fabriques.application.comite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.StatutDossier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committee reads the instruction's score as on the dossier's sheet: « 97,1 / 100 », not « 97.1/100 ». */
class DecrireSeanceTest {

    private final ClassementVague classement = mock(ClassementVague.class);
    private final ProgrammeRepository programmes = mock(ProgrammeRepository.class);
    private final DecrireSeance seance = new DecrireSeance(classement, programmes, mock(DecisionComiteRepository.class));

    DecrireSeanceTest() {
        ClassementVague.Ligne ligne = new ClassementVague.Ligne(1, "FDT-2026-0001", "La Fabrique du Val", Categorie.HORS_GRANDS_CENTRES,
                StatutDossier.INSTRUIT, new BigDecimal("97.1"), Avis.FAVORABLE, new MontantsAnnuels(50000, 50000, 40000),
                new MontantsAnnuels(45000, 45000, 40000), null, null, null);
        when(classement.dossiersASeance("FDT-2026-12")).thenReturn(List.of(ligne));
        Map<Categorie, Integer> quotas = Map.of(Categorie.HORS_GRANDS_CENTRES, 150, Categorie.QPV, 120, Categorie.NUMERIQUE_QPV, 30);
        Map<Categorie, Integer> laureats = Map.of(Categorie.HORS_GRANDS_CENTRES, 0, Categorie.QPV, 0, Categorie.NUMERIQUE_QPV, 0);
        when(programmes.lire()).thenReturn(new Programme(300, quotas, laureats, 45_000_000L, 0L));
    }

    @Test
    void lOrdreDuJourEcritLeScoreAvecUneVirgule() {
        assertThat(seance.ordreDuJour("FDT-2026-12")).contains("score 97,1 / 100").doesNotContain("97.1");
    }

    @Test
    void laSituationDuDossierEcritLeScoreAvecUneVirgule() {
        assertThat(seance.situationDuDossier("FDT-2026-12", "FDT-2026-0001")).contains("Score : **97,1 / 100**").doesNotContain("97.1");
    }
}
