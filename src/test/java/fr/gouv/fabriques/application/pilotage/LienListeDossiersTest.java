package fr.gouv.fabriques.application.pilotage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.StatutDossier;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FiltreDossiersTest {

    @Test
    void lesLaureatsSontLesStatutsQuiTiennentUnePlaceDuQuota() {
        assertThat(LienListeDossiers.tous().categorie("QPV").laureats().lien()).isEqualTo(
                "/agents/dossiers?categorie=QPV&statut=LAUREAT,CONVENTION_SIGNEE_PORTEUR,CONVENTIONNE,VERSEMENTS_SUSPENDUS,SOLDE,"
                        + "SOLDE_APRES_REVERSEMENT,RESILIE");
        assertThat(LienListeDossiers.LAUREATS).doesNotContain(StatutDossier.CADUC, StatutDossier.RENONCE, StatutDossier.ANNULE, StatutDossier.REFUSE);
    }

    @Test
    void lesCriteresSontEncodesEtLOrdreDesStatutsEstCeluiDuCycle() {
        assertThat(LienListeDossiers.tous().vague("FDT 2020&x=1").departement("2A")
                .statuts(EnumSet.of(StatutDossier.REFUSE, StatutDossier.DEPOSE)).lien())
                .isEqualTo("/agents/dossiers?vague=FDT+2020%26x%3D1&departement=2A&statut=DEPOSE,REFUSE");
        assertThat(LienListeDossiers.tous().lien()).isEqualTo("/agents/dossiers");
        assertThat(LienListeDossiers.tous().vague(null).appel(null).lien()).isEqualTo("/agents/dossiers");
        assertThat(LienListeDossiers.fiche("FDT-2026-0042")).isEqualTo("/agents/dossiers/FDT-2026-0042");
    }

    @Test
    void unFiltreNeChangeJamais() {
        LienListeDossiers base = LienListeDossiers.tous().vague("FDT-2020-T1");
        base.region("27");
        assertThat(base.lien()).isEqualTo("/agents/dossiers?vague=FDT-2020-T1");
    }
}
