package fr.gouv.fabriques.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

class JournalJsonTest {

    private final LoggerContext contexte = new LoggerContext();

    JournalJsonTest() {
        // What Spring Boot's logging system puts in the context, and StructuredLogEncoder reads.
        contexte.putObject(Environment.class.getName(), new StandardEnvironment());
    }

    private EncodeurJournal encodeur(String mode, String format) {
        EncodeurJournal e = new EncodeurJournal();
        e.setContext(contexte);
        e.setMode(mode);
        e.setFormat(format);
        e.setPattern("%level %logger - %msg%n");
        e.start();
        return e;
    }

    private LoggingEvent evenement(String message, Throwable t, Map<String, String> mdc) {
        Logger logger = contexte.getLogger("fr.gouv.fabriques.essai");
        LoggingEvent e = new LoggingEvent("fr.gouv.fabriques.essai", logger, Level.WARN, message, t, null);
        e.setMDCPropertyMap(mdc);
        return e;
    }

    @Test
    void enProductionUneLigneJsonParEntreeAvecCorrelationEtDossierSansAdresse() throws Exception {
        byte[] ligne = encodeur("production", "").encode(evenement("Courriel refusé pour jeanne.martin@asso.fr",
                new IllegalStateException("550 boîte inconnue jeanne.martin@asso.fr"),
                Map.of(JournalJson.CORRELATION, "3f1c9b7e-req", JournalJson.DOSSIER, "FDT-2026-0042", "processInstanceId", "p-1")));
        String texte = new String(ligne, StandardCharsets.UTF_8);
        assertThat(texte).endsWith("\n").doesNotContain("jeanne.martin@asso.fr");
        assertThat(texte.strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(texte);
        assertThat(json.get("niveau").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("fr.gouv.fabriques.essai");
        assertThat(json.get("message").asText()).startsWith("Courriel refusé pour j").contains("@asso.fr");
        assertThat(json.get("correlationId").asText()).isEqualTo("3f1c9b7e-req");
        assertThat(json.get("dossier").asText()).isEqualTo("FDT-2026-0042");
        assertThat(json.get("processInstanceId").asText()).isEqualTo("p-1");
        assertThat(json.get("exception").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("pile").asText()).contains("JournalJsonTest").doesNotContain("jeanne.martin");
        assertThat(json.has("vague")).isFalse();
    }

    @Test
    void duJsonToujoursEnUtf8QuelleQueSoitLaLangueDuSysteme() throws Exception {
        EncodeurJournal e = new EncodeurJournal();
        e.setContext(contexte);
        e.setMode("production");
        e.setCharset(StandardCharsets.US_ASCII); // a container without locale
        e.setPattern("%msg%n");
        e.start();
        String ligne = new String(e.encode(evenement("Dossier déposé, pièces reçues", null, Map.of())), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(ligne).get("message").asText()).isEqualTo("Dossier déposé, pièces reçues");
    }

    @Test
    void laCleMetierDuMoteurDonneLeDossierOuLaVague() throws Exception {
        EncodeurJournal e = encodeur("production", "");
        JsonNode dossier = new ObjectMapper().readTree(e.encode(evenement("étape", null, Map.of(JournalJson.CLE_METIER, "FNT-2019-0007"))));
        assertThat(dossier.get("dossier").asText()).isEqualTo("FNT-2019-0007");
        assertThat(dossier.has("vague")).isFalse();
        JsonNode vague = new ObjectMapper().readTree(e.encode(evenement("clôture", null, Map.of(JournalJson.CLE_METIER, "FDT-2021-T2"))));
        assertThat(vague.get("vague").asText()).isEqualTo("FDT-2021-T2");
        assertThat(vague.has("dossier")).isFalse();
        assertThat(vague.has("exception")).isFalse();
    }

    @Test
    void duTexteHorsProductionEtLeFormatNommeLEmporte() throws Exception {
        assertThat(new String(encodeur("demo", "").encode(evenement("bonjour", null, Map.of())), StandardCharsets.UTF_8))
                .isEqualTo("WARN fr.gouv.fabriques.essai - bonjour\n");
        assertThat(new String(encodeur("production", "texte").encode(evenement("bonjour", null, Map.of())), StandardCharsets.UTF_8))
                .isEqualTo("WARN fr.gouv.fabriques.essai - bonjour\n");
        assertThat(new ObjectMapper().readTree(encodeur("demo", "JSON").encode(evenement("bonjour", null, Map.of()))).get("message").asText())
                .isEqualTo("bonjour");
        // An unknown format falls back on the mode.
        assertThat(encodeur("production", "xml").formatRetenu()).isEqualTo("json");
    }
}
