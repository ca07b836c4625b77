package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageRefusSansPrefixeTest {

    final MessageRefusSansPrefixe filtre = new MessageRefusSansPrefixe();

    private String corrige(String corps, String tache) {
        byte[] r = filtre.sansPrefixe(corps.getBytes(StandardCharsets.UTF_8), tache);
        return r == null ? null : new String(r, StandardCharsets.UTF_8);
    }

    @Test
    void lesDeuxPrefixesDuMoteurSontRetires() {
        assertThat(corrige("{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: montantPropose3 : reçu « dix »\",\"code\":0}", "t1"))
                .isEqualTo("{\"type\":\"RestException\",\"message\":\"montantPropose3 : reçu « dix »\",\"code\":0}");
        assertThat(corrige("{\"type\":\"RestException\",\"message\":\"Cannot complete task t1: quatre yeux\"}", "t1"))
                .isEqualTo("{\"type\":\"RestException\",\"message\":\"quatre yeux\"}");
    }

    @Test
    void toutAutreCorpsResteTelQuel() {
        assertThat(corrige("{\"message\":\"Cannot submit task form t2: autre tâche\"}", "t1")).isNull();
        assertThat(corrige("{\"message\":\"Cannot find task with id t1\"}", "t1")).isNull();
        assertThat(corrige("{\"message\":12}", "t1")).isNull();
        assertThat(corrige("pas du JSON", "t1")).isNull();
        assertThat(corrige("[]", "t1")).isNull();
    }
}
