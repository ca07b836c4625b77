package fr.gouv.fabriques.domain;

import static fr.gouv.fabriques.domain.StatutDossier.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.UneFabriqueParStructure.Obstacle;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UneFabriqueParStructureTest {

    @Test
    void uneEntrepriseSansDossierPeutDeposer() {
        assertThat(UneFabriqueParStructure.obstacle(List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StatutDossier.class, names = {"DEPOSE", "EN_INSTRUCTION", "EN_ATTENTE_COMPLEMENTS", "INSTRUIT", "AJOURNE"})
    void unDossierEnCoursNonEncoreRetenuBloque(StatutDossier statut) {
        assertThat(UneFabriqueParStructure.obstacle(List.of(statut))).contains(Obstacle.DOSSIER_EN_COURS);
    }

    @ParameterizedTest
    @EnumSource(value = StatutDossier.class, names = {"LAUREAT", "CONVENTION_SIGNEE_PORTEUR", "CONVENTIONNE", "VERSEMENTS_SUSPENDUS", "SOLDE",
        "SOLDE_APRES_REVERSEMENT", "RESILIE"})
    void unDossierRetenuOuFinanceBloqueMemeSolde(StatutDossier statut) {
        assertThat(statut.estFinance()).isTrue();
        assertThat(UneFabriqueParStructure.obstacle(List.of(statut))).contains(Obstacle.DEJA_FINANCEE);
    }

    @ParameterizedTest
    @EnumSource(value = StatutDossier.class, names = {"IRRECEVABLE", "CLASSE_SANS_SUITE", "REFUSE", "CADUC", "RETIRE", "RENONCE", "ANNULE"})
    void unDossierJamaisFinanceEtCloNeBloquePas(StatutDossier statut) {
        assertThat(statut.estFinance()).isFalse();
        assertThat(UneFabriqueParStructure.obstacle(List.of(statut, statut))).isEmpty();
    }

    @Test
    void leFinancementPrimeSurLEnCoursPourLeMotif() {
        assertThat(UneFabriqueParStructure.obstacle(List.of(REFUSE, DEPOSE, SOLDE))).contains(Obstacle.DEJA_FINANCEE);
        assertThat(UneFabriqueParStructure.obstacle(List.of(REFUSE, CADUC, EN_INSTRUCTION))).contains(Obstacle.DOSSIER_EN_COURS);
    }

    @Test
    void chaqueStatutEstClasse() {
        // A new status must be placed on purpose: open (blocks), funded (blocks), or over without funding (does not).
        EnumSet<StatutDossier> neBloquentPas = EnumSet.noneOf(StatutDossier.class);
        for (StatutDossier s : StatutDossier.values()) {
            if (UneFabriqueParStructure.obstacle(List.of(s)).isEmpty()) {
                neBloquentPas.add(s);
            }
        }
        // Withdrawn, renounced or cancelled: the place went back to the programme; the structure may apply again.
        assertThat(neBloquentPas).containsExactlyInAnyOrder(IRRECEVABLE, CLASSE_SANS_SUITE, REFUSE, CADUC, StatutDossier.RETIRE,
                StatutDossier.RENONCE, StatutDossier.ANNULE);
    }
}
