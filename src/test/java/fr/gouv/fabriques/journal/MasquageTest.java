package fr.gouv.fabriques.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MasquageTest {

    @Test
    void uneAdresseGardeSaPremiereLettreEtSonDomaine() {
        assertThat(Masquage.adresses("Courriel <1@x> envoyé à camille.martin@fabrique-du-val.fr (tentative 1)"))
                .isEqualTo("Courriel <1@x> envoyé à c***@fabrique-du-val.fr (tentative 1)");
        assertThat(Masquage.adresses("a@b.fr, Jean-Luc.O'Neil+fdt@mairie.example.org"))
                .isEqualTo("a***@b.fr, J***@mairie.example.org");
        assertThat(Masquage.adresses("sans adresse")).isEqualTo("sans adresse");
        assertThat(Masquage.adresses(null)).isNull();
    }

    @Test
    void leMessageDuJournalEstMasque() {
        ch.qos.logback.classic.spi.LoggingEvent e = new ch.qos.logback.classic.spi.LoggingEvent("x",
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("masquage"), ch.qos.logback.classic.Level.INFO,
                "Courriel à {} refusé", null, new Object[] {"porteur@asso.example.org"});
        assertThat(new MessageMasque().convert(e)).isEqualTo("Courriel à p***@asso.example.org refusé");
    }
}
