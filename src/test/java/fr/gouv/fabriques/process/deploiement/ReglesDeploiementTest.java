package fr.gouv.fabriques.process.deploiement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.process.comite.EcheancesComite;
import fr.gouv.fabriques.process.comite.OrdreDuJourComite;
import fr.gouv.fabriques.process.commun.DelaisProcessus;
import fr.gouv.fabriques.process.versement.CalendrierBilans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment rules on the project's own models (they pass) and on bad ones (each refused, with its reason in French). */
class ReglesDeploiementTest {

    static final ReglesDeploiement REGLES = new ReglesDeploiement(DeploiementsSursConfiguration.delegues(), new ExpressionsDesModeles(Map.of(
            "delais", DeploiementsSursConfiguration.membres(DelaisProcessus.class),
            "echeancesComite", DeploiementsSursConfiguration.membres(EcheancesComite.class),
            "calendrierBilans", DeploiementsSursConfiguration.membres(CalendrierBilans.class),
            "ordreDuJourComite", DeploiementsSursConfiguration.membres(OrdreDuJourComite.class)), ExpressionsDesModeles.VARIABLES));

    /** A process around {@code contenu}, with a history time to live unless {@code attributs} says otherwise. */
    static String processus(String contenu) {
        return processus("camunda:historyTimeToLive=\"P1D\"", contenu);
    }

    static String processus(String attributs, String contenu) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Essai" targetNamespace="http://fabriques.gouv.fr/essai">
                  <bpmn:process id="Process_Essai" isExecutable="true" %s>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(attributs, contenu);
    }

    static List<ProblemeDeploiement> verifier(String bpmn) {
        return REGLES.verifier(Map.of("essai.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> messages(String bpmn) {
        return verifier(bpmn).stream().map(ProblemeDeploiement::texte).toList();
    }

    @Test
    void lesModelesDuProjetPassent() throws IOException {
        Map<String, byte[]> ressources = new LinkedHashMap<>();
        for (String dossier : List.of("bpmn", "forms")) {
            try (Stream<Path> fichiers = Files.list(Path.of(dossier))) {
                for (Path p : fichiers.filter(Files::isRegularFile).toList()) {
                    ressources.put(dossier + "/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
        }
        assertThat(ressources).hasSizeGreaterThan(20);
        assertThat(REGLES.verifier(ressources)).isEmpty();
    }

    @Test
    void unModeleQuiNUtiliseQueCeQueLeProjetExposePasse() {
        assertThat(messages(processus("""
                <bpmn:startEvent id="Debut" />
                <bpmn:serviceTask id="Tache" camunda:delegateExpression="#{classerSansSuiteDelegate}" />
                <bpmn:userTask id="Saisie" camunda:candidateGroups="referents-${departement}" camunda:dueDate="${echeancesComite.seance(vague)}">
                  <bpmn:extensionElements><camunda:taskListener event="complete" delegateExpression="${completudeListener}" /></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flux" sourceRef="Debut" targetRef="Tache">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!eligible &amp;&amp; decisionBilan == 'APPROUVE'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:intermediateCatchEvent id="Attente"><bpmn:timerEventDefinition>
                  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${calendrierBilans.limite(execution)}</bpmn:timeDate>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="Delai"><bpmn:timerEventDefinition>
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${delais.complements}</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:documentation>${nImporteQuoi.dansLaDocumentation()}</bpmn:documentation>
                """))).isEmpty();
    }

    @Test
    void lesScriptsSontRefuses() {
        assertThat(messages(processus("<bpmn:scriptTask id=\"Script\" scriptFormat=\"groovy\"><bpmn:script>println 1</bpmn:script></bpmn:scriptTask>")))
                .anyMatch(m -> m.contains("« Script »") && m.contains("tâche de script refusée"));
        assertThat(messages(processus("""
                <bpmn:userTask id="Tache"><bpmn:extensionElements>
                  <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">task.delegate</camunda:script></camunda:taskListener>
                </bpmn:extensionElements></bpmn:userTask>"""))).anyMatch(m -> m.contains("« Tache »") && m.contains("script refusé (camunda:script)"));
        assertThat(messages(processus("""
                <bpmn:sequenceFlow id="Flux" sourceRef="A" targetRef="B">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""))).anyMatch(m -> m.contains("« Flux »") && m.contains("langage « groovy » refusé"));
    }

    @Test
    void uneClasseJavaEstRefusee() {
        assertThat(messages(processus("<bpmn:serviceTask id=\"Tache\" camunda:class=\"org.example.Delegue\" />")))
                .containsExactly("essai.bpmn, « Tache » : camunda:class refusé : une classe Java ne se nomme pas dans un modèle ; choisir le modèle d'élément du délégué");
        assertThat(messages(processus("""
                <bpmn:userTask id="Tache"><bpmn:extensionElements>
                  <camunda:executionListener event="start" class="org.example.Ecouteur" />
                </bpmn:extensionElements></bpmn:userTask>"""))).anyMatch(m -> m.contains("class refusé"));
    }

    @Test
    void unDelegueHorsDesModelesDElementsEstRefuse() {
        assertThat(messages(processus("<bpmn:serviceTask id=\"Tache\" camunda:delegateExpression=\"${processEngine}\" />")))
                .containsExactly("essai.bpmn, « Tache » : délégué « processEngine » inconnu : seuls les délégués du projet (modèles d'éléments du Modeler) sont permis");
        assertThat(messages(processus("<bpmn:serviceTask id=\"Tache\" camunda:delegateExpression=\"${ordreDuJourComite.numeros(vague)}\" />")))
                .anyMatch(m -> m.contains("attendu #{nom} d'un délégué du projet"));
    }

    @Test
    void uneExpressionNeNommeQueLesVariablesEtLesBeansExposes() {
        assertThat(messages(processus("<bpmn:serviceTask id=\"Tache\" camunda:expression=\"${execution.getProcessEngineServices().getRuntimeService()}\" />")))
                .anyMatch(m -> m.contains("seules les méthodes des beans exposés aux modèles"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${jdbcTemplate.queryForObject('select 1', execution)}\" />")))
                .anyMatch(m -> m.contains("seules les méthodes des beans exposés aux modèles"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:assignee=\"${dataSource}\" />")))
                .containsExactly("essai.bpmn, « Tache » : « dataSource » n'est ni une variable des processus ni un bean exposé aux modèles (dans « ${dataSource} »)");
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${delais.getClass()}\" />")))
                .anyMatch(m -> m.contains("« delais.getClass » n'existe pas pour les modèles"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${delais['complements']}\" />")))
                .anyMatch(m -> m.contains("pas de propriété d'une variable, de crochets ni de fonction"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${vague.bytes}\" />")))
                .anyMatch(m -> m.contains("pas de propriété d'une variable"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${calendrierBilans.limite(execution.processEngine)}\" />")))
                .anyMatch(m -> m.contains("pas de propriété d'une variable"));
        assertThat(messages(processus("<bpmn:userTask id=\"Tache\" camunda:dueDate=\"${execution}\" />")))
                .anyMatch(m -> m.contains("« execution » ne s'emploie que comme argument"));
    }

    @Test
    void lesFormulairesEtProcessusAppelesSontLiesAuDeploiementOuAUneEtiquette() {
        assertThat(messages(processus("<bpmn:callActivity id=\"Appel\" calledElement=\"Process_Instruction\" camunda:calledElementBinding=\"latest\" />")))
                .anyMatch(m -> m.contains("« Appel »") && m.contains("processus appelé « Process_Instruction » lié en « latest »"));
        assertThat(messages(processus("<bpmn:callActivity id=\"Appel\" calledElement=\"Process_Instruction\" />")))
                .anyMatch(m -> m.contains("lié en « latest (par défaut) »"));
        assertThat(messages(processus("<bpmn:callActivity id=\"Appel\" calledElement=\"Process_Instruction\" camunda:calledElementBinding=\"deployment\" />")))
                .anyMatch(m -> m.contains("absent de ce déploiement"));
        assertThat(messages(processus("<bpmn:callActivity id=\"Appel\" calledElement=\"Process_Essai\" camunda:calledElementBinding=\"deployment\" />")))
                .isEmpty();
        assertThat(messages(processus("<bpmn:callActivity id=\"Appel\" calledElement=\"Process_Instruction\" camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"2026-1\" />")))
                .isEmpty();
        assertThat(messages(processus("<bpmn:userTask id=\"Saisie\" camunda:formRef=\"instruire-dossier\" camunda:formRefBinding=\"latest\" />")))
                .anyMatch(m -> m.contains("formulaire « instruire-dossier » lié en « latest »"));
        assertThat(messages(processus("<bpmn:userTask id=\"Saisie\" camunda:formRef=\"instruire-dossier\" camunda:formRefBinding=\"deployment\" />")))
                .anyMatch(m -> m.contains("absent de ce déploiement : joindre le formulaire au déploiement"));
        assertThat(REGLES.verifier(Map.of("essai.bpmn", processus("<bpmn:userTask id=\"Saisie\" camunda:formRef=\"Form_Essai\" camunda:formRefBinding=\"deployment\" />")
                .getBytes(StandardCharsets.UTF_8), "essai.form", "{\"id\": \"Form_Essai\", \"components\": []}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void unFormulaireHtmlEmbarqueEstRefuse() {
        assertThat(messages(processus("<bpmn:userTask id=\"Saisie\" camunda:formKey=\"embedded:deployment:saisie.html\" />")))
                .anyMatch(m -> m.contains("« Saisie »") && m.contains("formulaire « embedded:deployment:saisie.html » refusé"));
        assertThat(REGLES.verifier(Map.of("saisie.html", "<script>fetch('/engine-rest/user')</script>".getBytes(StandardCharsets.UTF_8))))
                .extracting(ProblemeDeploiement::texte).anyMatch(m -> m.startsWith("saisie.html : ressource de script, de code ou page HTML refusée"));
    }

    @Test
    void laDureeDeConservationEstExigee() {
        assertThat(messages(processus("", "<bpmn:startEvent id=\"Debut\" />")))
                .containsExactly("essai.bpmn, « Process_Essai » : durée de conservation de l'historique absente : renseigner camunda:historyTimeToLive (History cleanup › Time to live)");
    }

    @Test
    void uneTableDeDecisionEstEnFeelEtAUneDureeDeConservation() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Essai" name="Essai" namespace="http://fabriques.gouv.fr/dmn">
                  <decision id="Decision_Essai" name="Essai">
                    <decisionTable id="Table">
                      <input id="Entree"><inputExpression id="Expression" typeRef="string" expressionLanguage="juel"><text>${dataSource}</text></inputExpression></input>
                      <output id="Sortie" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        List<String> m = REGLES.verifier(Map.of("essai.dmn", dmn.getBytes(StandardCharsets.UTF_8))).stream().map(ProblemeDeploiement::texte).toList();
        assertThat(m).anyMatch(p -> p.contains("« Decision_Essai »") && p.contains("durée de conservation"))
                .anyMatch(p -> p.contains("« Expression »") && p.contains("langage d'expression « juel » refusé"));
    }

    @Test
    void leMessageDuRefusEstEnFrancaisEtListeChaqueProbleme() {
        List<ProblemeDeploiement> p = verifier(processus("", "<bpmn:serviceTask id=\"Tache\" camunda:class=\"org.example.Delegue\" />"));
        DeploiementRefuse refus = new DeploiementRefuse(p);
        assertThat(refus.getMessage()).startsWith("Déploiement refusé par les règles du projet (2 problèmes) : essai.bpmn, « Process_Essai » : durée")
                .contains(" ; essai.bpmn, « Tache » : camunda:class refusé").endsWith("Rien n'a été déployé.");
        assertThat(refus.getResorceReports()).singleElement().satisfies(r -> {
            assertThat(r.getResourceName()).isEqualTo("essai.bpmn");
            assertThat(r.getErrors()).extracting(e -> e.getMainElementId()).containsExactly("Process_Essai", "Tache");
        });
    }
}
