package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form opened on a task someone else has just completed (Tasklist keeps the tab open): the engine's
 * form-variables of a task that no longer exists is a 404 for the agent, nothing to log at ERROR.
 */
@IntegrationTest
class FormVariablesTacheTermineeIT {

    @LocalServerPort
    int port;

    @Test
    void lesVariablesDuFormulaireDUneTacheTermineeRepondent404SansErreurAuJournal() {
        Http http = new Http(port);
        Logger racine = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> journal = new ListAppender<>();
        journal.start();
        racine.addAppender(journal);
        try {
            String tache = UUID.randomUUID().toString();
            Http.Reponse r = http.get("/engine-rest/task/" + tache + "/form-variables", basic("instructeur"));
            assertThat(r.statut()).as(r.corps()).isEqualTo(404);
            assertThat(r.corps()).contains("introuvable");
        } finally {
            racine.detachAppender(journal);
        }
        assertThat(journal.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(e -> e.getLoggerName() + " : " + e.getFormattedMessage()).isEmpty();
    }
}
