package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.fiche.PartieFiche;
import java.io.File;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each agent's form shows of the dossier it decides on: the parts of the dossier's
 * sheet, per task — the list the agents and the programme agreed on — and every form that
 * shows the sheet has its parts defined (and the other way round).
 */
class ContenusFormulairesTest {

    @Test
    void chaqueFormulaireMontreLesPartiesDeLaFicheDontSonRoleABesoin() {
        Map<String, Set<PartieFiche>> attendu = new TreeMap<>(Map.ofEntries(
                Map.entry("UserTask_VerifierCompletude", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.COMPLETUDE)),
                // The referent reads the request (and its pieces) he gives an opinion on.
                Map.entry("UserTask_DonnerAvisTerritorial", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES)),
                // The instructor: the request, the pieces, the referent's opinion once given, and the validator's rework comment
                // with his own previous proposal.
                Map.entry("UserTask_InstruireDossier", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.COMPLETUDE,
                        PartieFiche.AVIS_TERRITORIAL, PartieFiche.INSTRUCTION, PartieFiche.VALIDATION)),
                // The validator: the request, the scores and the opinion.
                Map.entry("UserTask_ValiderProposition", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.AVIS_TERRITORIAL,
                        PartieFiche.INSTRUCTION, PartieFiche.VALIDATION)),
                Map.entry("UserTask_DeciderDossier", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.AVIS_TERRITORIAL,
                        PartieFiche.INSTRUCTION, PartieFiche.VALIDATION, PartieFiche.COMITE)),
                Map.entry("UserTask_SignerConventionEtat", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.COMITE, PartieFiche.CONVENTION)),
                Map.entry("UserTask_OrdonnancerVersement", EnumSet.of(PartieFiche.COMITE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS)),
                // The second signature: the payments so far and the timeline (who ordered, who sent back and why).
                Map.entry("UserTask_ValiderOrdreVersement", EnumSet.of(PartieFiche.COMITE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                        PartieFiche.JOURNAL)),
                Map.entry("UserTask_ValiderBilanAnnuel", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS)),
                Map.entry("UserTask_DeciderReversement", EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
                // Suspension: the regularised report, the recovery recorded then validated by the finance service.
                Map.entry("UserTask_ExaminerRegularisation", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                        PartieFiche.JOURNAL)),
                Map.entry("UserTask_EnregistrerReversementRecu", EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
                Map.entry("UserTask_ValiderReversementRecu", EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
                // The second gestionnaire cancels a dossier knowing all of it.
                Map.entry("UserTask_ValiderAnnulation", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.COMITE, PartieFiche.CONVENTION,
                        PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
                // Amendments: the convention as it stands (with its amendments), the payments (which years are paid), the timeline.
                Map.entry("UserTask_ValiderAvenant", EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                        PartieFiche.JOURNAL)),
                Map.entry("UserTask_SignerAvenantEtat", EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS))));
        assertThat(new TreeMap<>(ContenusFormulaires.PARTIES)).isEqualTo(attendu);
    }

    @Test
    void chaqueFormulaireQuiMontreLaFicheASesPartiesEtInversement() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> formulaireParTache = new HashMap<>();
        Pattern tache = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");
        for (File bpmn : new File("bpmn").listFiles((d, n) -> n.endsWith(".bpmn"))) {
            Matcher m = tache.matcher(java.nio.file.Files.readString(bpmn.toPath()));
            while (m.find()) {
                formulaireParTache.put(m.group(1), m.group(2));
            }
        }
        for (Map.Entry<String, String> e : formulaireParTache.entrySet()) {
            JsonNode formulaire = json.readTree(new File("forms/" + e.getValue() + ".form"));
            boolean montreLaFiche = false;
            for (JsonNode c : formulaire.get("components")) {
                montreLaFiche |= c.path("text").asText().contains("{{" + ContenusFormulaires.FICHE + "}}");
            }
            assertThat(montreLaFiche).as(e.getValue() + ".form montre la fiche du dossier").isEqualTo(ContenusFormulaires.PARTIES.containsKey(e.getKey()));
        }
    }
}
