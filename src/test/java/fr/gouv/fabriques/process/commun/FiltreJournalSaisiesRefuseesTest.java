package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import fr.gouv.fabriques.domain.ErreursValidation;
import org.junit.jupiter.api.Test;

class FiltreJournalSaisiesRefuseesTest {

    final LoggerContext contexte = new LoggerContext();
    final FiltreJournalSaisiesRefusees filtre = new FiltreJournalSaisiesRefusees();

    @Test
    void uneSaisieRefuseeNeProduitPasDErreurDuMoteur() {
        var moteur = contexte.getLogger(FiltreJournalSaisiesRefusees.JOURNAL_DU_MOTEUR);
        RuntimeException enveloppe = new RuntimeException("ENGINE-03051", new ErreursValidation("montantPropose1", "trop élevé"));
        assertThat(filtre.decide(null, moteur, Level.ERROR, "ENGINE-16004 {}", new Object[] {enveloppe}, null)).isEqualTo(FilterReply.DENY);
        assertThat(filtre.decide(null, moteur, Level.ERROR, "ENGINE-16004", null, enveloppe)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void lesAutresErreursRestentJournalisees() {
        var moteur = contexte.getLogger(FiltreJournalSaisiesRefusees.JOURNAL_DU_MOTEUR);
        RuntimeException panne = new RuntimeException("connexion perdue");
        assertThat(filtre.decide(null, moteur, Level.ERROR, "ENGINE-16004", null, panne)).isEqualTo(FilterReply.NEUTRAL);
        var autre = contexte.getLogger("fr.gouv.fabriques.web");
        assertThat(filtre.decide(null, autre, Level.ERROR, "x", null, new ErreursValidation("a", "b"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filtre.decide(null, moteur, Level.WARN, "x", null, new ErreursValidation("a", "b"))).isEqualTo(FilterReply.NEUTRAL);
    }
}
