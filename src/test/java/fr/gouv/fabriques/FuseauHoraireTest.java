package fr.gouv.fabriques;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

class FuseauHoraireTest {

    final TimeZone avant = TimeZone.getDefault();

    @AfterEach
    void remettre() {
        TimeZone.setDefault(avant);
    }

    private void preparer(MockEnvironment environnement) {
        new FuseauHoraire().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environnement));
    }

    @Test
    void parisParDefautQuelQueSoitLeFuseauDeLaMachine() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        preparer(new MockEnvironment());
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Paris");
    }

    @Test
    void unAutreFuseauSeConfigure() {
        preparer(new MockEnvironment().withProperty("fabriques.fuseau-horaire", "America/Cayenne"));
        assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Cayenne");
    }

    @Test
    void unFuseauInconnuEmpecheLeDemarrage() {
        MockEnvironment faux = new MockEnvironment().withProperty("fabriques.fuseau-horaire", "Europe/Paname");
        assertThatThrownBy(() -> preparer(faux)).hasMessageContaining("fabriques.fuseau-horaire").hasMessageContaining("Europe/Paname");
    }
}
