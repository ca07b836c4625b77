package fr.gouv.fabriques.process.deploiement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The project's rules for a deployment, checked on its resources before the engine accepts it (by
 * {@link DeploiementsSursPlugin}, for /engine-rest and the Modeler as for the application's own models):
 *
 * <ul>
 * <li>delegation code only through the project's delegate beans: a {@code delegateExpression} names one
 * of {@link #delegues} (the beans of the Modeler's element templates), and nothing else;</li>
 * <li>no script (script task, {@code camunda:script}, a condition or listener in a script language, a
 * script resource), no {@code camunda:class}, no connector;</li>
 * <li>every expression, wherever it is (conditions, timers, due dates, groups, collections, inputs…),
 * within {@link ExpressionsDesModeles}: the variables and the exposed beans only;</li>
 * <li>forms, called processes and decisions bound to their deployment or to a version tag, never
 * {@code latest} (the engine's default when no binding is given): a running dossier keeps the models it
 * started with; bound to the deployment, the form, process or decision must be in the deployment;</li>
 * <li>a history time to live on every executable process and every decision;</li>
 * <li>DMN: FEEL only (JUEL or a script language in a table could call a bean), no external Java function;</li>
 * <li>forms: Camunda forms only, JSON with an id (their expressions are FEEL, evaluated in the browser); no
 * embedded HTML form ({@code formKey="embedded:…"}) nor HTML or script resource, whose scripts would run in
 * the agents' Tasklist.</li>
 * </ul>
 * Each problem says, in French, the resource, the element and what to do.
 */
public final class ReglesDeploiement {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private static final Set<String> LIAISONS = Set.of("deployment", "versionTag");
    private static final Set<String> SANS_EXPRESSION = Set.of("documentation", "text");

    private final Set<String> delegues;
    private final ExpressionsDesModeles expressions;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param delegues     the delegate and listener beans a {@code delegateExpression} may name
     * @param expressions  what the other expressions may name
     */
    public ReglesDeploiement(Set<String> delegues, ExpressionsDesModeles expressions) {
        this.delegues = Set.copyOf(delegues);
        this.expressions = expressions;
    }

    /** The problems of a deployment's resources (name → content); empty when it may be deployed. */
    public List<ProblemeDeploiement> verifier(Map<String, byte[]> ressources) {
        List<ProblemeDeploiement> problemes = new ArrayList<>();
        Map<String, Document> bpmn = new LinkedHashMap<>();
        Map<String, Document> dmn = new LinkedHashMap<>();
        Set<String> formulaires = new HashSet<>();
        for (Map.Entry<String, byte[]> r : ressources.entrySet()) {
            String nom = r.getKey();
            String bas = nom.toLowerCase(Locale.ROOT);
            if (bas.endsWith(".bpmn") || bas.endsWith(".bpmn20.xml")) {
                lire(nom, r.getValue(), problemes).ifPresent(d -> bpmn.put(nom, d));
            } else if (bas.endsWith(".dmn") || bas.endsWith(".dmn11.xml")) {
                lire(nom, r.getValue(), problemes).ifPresent(d -> dmn.put(nom, d));
            } else if (bas.endsWith(".form")) {
                formulaire(nom, r.getValue(), formulaires, problemes);
            } else if (bas.endsWith(".cmmn") || bas.endsWith(".cmmn11.xml")) {
                problemes.add(new ProblemeDeploiement(nom, null, "les modèles CMMN ne sont pas pris en charge par l'application"));
            } else if (bas.matches(".*\\.(js|mjs|groovy|py|rb|jy|kts?|sh|class|jar|html?|xhtml)$")) {
                problemes.add(new ProblemeDeploiement(nom, null, "ressource de script, de code ou page HTML refusée : seuls des modèles BPMN, DMN, des formulaires Camunda et des images se déploient"));
            }
        }
        Set<String> processus = new HashSet<>();
        bpmn.values().forEach(d -> elements(d.getDocumentElement(), BPMN, "process").forEach(p -> processus.add(p.getAttribute("id"))));
        Set<String> decisions = new HashSet<>();
        dmn.values().forEach(d -> elementsParNom(d.getDocumentElement(), "decision").forEach(e -> decisions.add(e.getAttribute("id"))));
        bpmn.forEach((nom, d) -> new VerificationBpmn(nom, problemes, new Contenus(processus, decisions, formulaires)).element(d.getDocumentElement()));
        dmn.forEach((nom, d) -> verifierDmn(nom, d.getDocumentElement(), problemes));
        return problemes;
    }

    /** What the deployment holds: what a binding to the deployment may name. */
    private record Contenus(Set<String> processus, Set<String> decisions, Set<String> formulaires) {
    }

    /** The checks of one BPMN resource, element by element. */
    private final class VerificationBpmn {
        private final String ressource;
        private final List<ProblemeDeploiement> problemes;
        private final Contenus contenus;

        VerificationBpmn(String ressource, List<ProblemeDeploiement> problemes, Contenus contenus) {
            this.ressource = ressource;
            this.problemes = problemes;
            this.contenus = contenus;
        }

        private void probleme(Element e, String message) {
            problemes.add(new ProblemeDeploiement(ressource, idProche(e), message));
        }

        void element(Element e) {
            String local = e.getLocalName();
            String ns = e.getNamespaceURI();
            if (BPMN.equals(ns) && "scriptTask".equals(local)) {
                probleme(e, "tâche de script refusée : un traitement passe par un délégué du projet (modèles d'éléments du Modeler)");
            }
            if (CAMUNDA.equals(ns) && "script".equals(local)) {
                probleme(e, "script refusé (camunda:script) : un traitement passe par un délégué du projet");
                return;
            }
            if (CAMUNDA.equals(ns) && "connector".equals(local)) {
                probleme(e, "connecteur refusé (camunda:connector) : un traitement passe par un délégué du projet");
                return;
            }
            if (BPMN.equals(ns) && "process".equals(local) && "true".equals(e.getAttribute("isExecutable"))
                    && e.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
                probleme(e, "durée de conservation de l'historique absente : renseigner camunda:historyTimeToLive (History cleanup › Time to live)");
            }
            liaisons(e);
            NamedNodeMap attributs = e.getAttributes();
            for (int i = 0; i < attributs.getLength(); i++) {
                attribut(e, (Attr) attributs.item(i));
            }
            if (!SANS_EXPRESSION.contains(local)) {
                String texte = texteDirect(e);
                if (contientExpression(texte)) {
                    expression(e, texte.strip());
                }
            }
            NodeList enfants = e.getChildNodes();
            for (int i = 0; i < enfants.getLength(); i++) {
                if (enfants.item(i) instanceof Element enfant) {
                    element(enfant);
                }
            }
        }

        private void attribut(Element e, Attr a) {
            String nom = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String valeur = a.getValue();
            if (CAMUNDA.equals(a.getNamespaceURI())) {
                if (nom.equals("class") || nom.endsWith("Class")) {
                    probleme(e, "camunda:" + nom + " refusé : une classe Java ne se nomme pas dans un modèle ; choisir le modèle d'élément du délégué");
                    return;
                }
                if (nom.equals("resource") || nom.equals("scriptFormat")) {
                    probleme(e, "script refusé (camunda:" + nom + ")");
                    return;
                }
                if (nom.equals("delegateExpression") || nom.endsWith("DelegateExpression")) {
                    delegue(e, valeur);
                    return;
                }
            } else if (a.getNamespaceURI() == null && "language".equals(nom) && !valeur.isBlank()) {
                probleme(e, "langage « " + valeur + " » refusé : une condition est une expression ${…} sur les variables");
                return;
            } else if (a.getNamespaceURI() == null && CAMUNDA.equals(e.getNamespaceURI()) && nom.equals("delegateExpression")) {
                // Listeners: <camunda:taskListener delegateExpression="…"/>.
                delegue(e, valeur);
                return;
            } else if (a.getNamespaceURI() == null && CAMUNDA.equals(e.getNamespaceURI()) && nom.equals("class")) {
                probleme(e, "class refusé sur un écouteur : choisir le délégué du projet (delegateExpression)");
                return;
            }
            if (contientExpression(valeur)) {
                expression(e, valeur);
            }
        }

        private void delegue(Element e, String valeur) {
            String bean = expressions.beanDelegue(valeur);
            if (bean == null) {
                probleme(e, "délégué « " + valeur + " » refusé : attendu #{nom} d'un délégué du projet (modèles d'éléments du Modeler)");
            } else if (!delegues.contains(bean)) {
                probleme(e, "délégué « " + bean + " » inconnu : seuls les délégués du projet (modèles d'éléments du Modeler) sont permis");
            }
        }

        private void expression(Element e, String texte) {
            for (String p : expressions.problemes(texte)) {
                probleme(e, p);
            }
        }

        private void liaisons(Element e) {
            if (!BPMN.equals(e.getNamespaceURI())) {
                return;
            }
            switch (e.getLocalName()) {
                case "userTask", "startEvent" -> {
                    String ref = e.getAttributeNS(CAMUNDA, "formRef");
                    if (!ref.isBlank()) {
                        liaison(e, "formulaire", ref, e.getAttributeNS(CAMUNDA, "formRefBinding"), "formRefBinding",
                                e.getAttributeNS(CAMUNDA, "formRefVersion"), contenus.formulaires(), "joindre le formulaire au déploiement (« Include additional files » du Modeler)");
                    }
                    String cle = e.getAttributeNS(CAMUNDA, "formKey");
                    if (!cle.isBlank() && !cle.startsWith("camunda-forms:deployment:")) {
                        // An embedded HTML form (embedded:…) runs its own scripts in the agents' Tasklist.
                        probleme(e, "formulaire « " + cle + " » refusé : une tâche utilise un formulaire Camunda de forms/, par formRef et formRefBinding=\"deployment\"");
                    }
                }
                case "callActivity" -> {
                    String appele = e.getAttribute("calledElement");
                    if (!appele.isBlank()) {
                        liaison(e, "processus appelé", appele, e.getAttributeNS(CAMUNDA, "calledElementBinding"), "calledElementBinding",
                                e.getAttributeNS(CAMUNDA, "calledElementVersionTag"), contenus.processus(), "déployer ensemble le processus appelant et le processus appelé");
                    }
                    if (!e.getAttributeNS(CAMUNDA, "caseRef").isBlank()) {
                        probleme(e, "appel d'un cas CMMN refusé");
                    }
                }
                case "businessRuleTask" -> {
                    String ref = e.getAttributeNS(CAMUNDA, "decisionRef");
                    if (!ref.isBlank()) {
                        liaison(e, "table de décision", ref, e.getAttributeNS(CAMUNDA, "decisionRefBinding"), "decisionRefBinding",
                                e.getAttributeNS(CAMUNDA, "decisionRefVersionTag"), contenus.decisions(), "déployer la table DMN avec le processus");
                    }
                }
                default -> {
                }
            }
        }

        private void liaison(Element e, String quoi, String ref, String liaison, String attribut, String etiquette, Set<String> deployes, String conseil) {
            if (!LIAISONS.contains(liaison)) {
                probleme(e, quoi + " « " + ref + " » lié en « " + (liaison.isBlank() ? "latest (par défaut)" : liaison)
                        + " » : camunda:" + attribut + " doit valoir « deployment » (ou « versionTag ») pour qu'un dossier en cours garde les modèles de son démarrage");
            } else if ("versionTag".equals(liaison) && etiquette.isBlank()) {
                probleme(e, quoi + " « " + ref + " » lié par versionTag sans étiquette de version");
            } else if ("deployment".equals(liaison) && !contientExpression(ref) && !deployes.contains(ref)) {
                probleme(e, quoi + " « " + ref + " » lié au déploiement mais absent de ce déploiement : " + conseil);
            }
        }
    }

    private void verifierDmn(String ressource, Element racine, List<ProblemeDeploiement> problemes) {
        for (Element d : elementsParNom(racine, "decision")) {
            if (d.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                problemes.add(new ProblemeDeploiement(ressource, d.getAttribute("id"),
                        "durée de conservation de l'historique absente : renseigner camunda:historyTimeToLive"));
            }
        }
        parcourirDmn(ressource, racine, problemes);
    }

    private void parcourirDmn(String ressource, Element e, List<ProblemeDeploiement> problemes) {
        String langage = e.getAttribute("expressionLanguage");
        if (!langage.isBlank() && !langage.toLowerCase(Locale.ROOT).contains("feel")) {
            problemes.add(new ProblemeDeploiement(ressource, idProche(e), "langage d'expression « " + langage
                    + " » refusé dans une table de décision : FEEL seulement (JUEL ou un script pourrait appeler un bean de l'application)"));
        }
        if ("text".equals(e.getLocalName())) {
            String texte = texteDirect(e);
            if (texte.contains("external") && texte.contains("java")) {
                problemes.add(new ProblemeDeploiement(ressource, idProche(e), "fonction FEEL externe (Java) refusée"));
            }
        }
        NodeList enfants = e.getChildNodes();
        for (int i = 0; i < enfants.getLength(); i++) {
            if (enfants.item(i) instanceof Element enfant) {
                parcourirDmn(ressource, enfant, problemes);
            }
        }
    }

    private void formulaire(String nom, byte[] contenu, Set<String> formulaires, List<ProblemeDeploiement> problemes) {
        try {
            JsonNode f = json.readTree(contenu);
            if (f == null || !f.path("id").isTextual() || f.path("id").asText().isBlank()) {
                problemes.add(new ProblemeDeploiement(nom, null, "formulaire sans identifiant (« id »)"));
            } else {
                formulaires.add(f.path("id").asText());
            }
        } catch (IOException e) {
            problemes.add(new ProblemeDeploiement(nom, null, "formulaire illisible : JSON attendu"));
        }
    }

    private static java.util.Optional<Document> lire(String nom, byte[] contenu, List<ProblemeDeploiement> problemes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return java.util.Optional.of(b.parse(new ByteArrayInputStream(contenu)));
        } catch (SAXException | IOException e) {
            problemes.add(new ProblemeDeploiement(nom, null, "XML illisible (ou avec une déclaration DOCTYPE, refusée)"));
            return java.util.Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean contientExpression(String texte) {
        return texte != null && (texte.contains("${") || texte.contains("#{"));
    }

    /** The element's own text, without its children's. */
    private static String texteDirect(Element e) {
        StringBuilder s = new StringBuilder();
        NodeList enfants = e.getChildNodes();
        for (int i = 0; i < enfants.getLength(); i++) {
            Node n = enfants.item(i);
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                s.append(n.getNodeValue());
            }
        }
        return s.toString();
    }

    /** The id of the element, or of its nearest ancestor that has one: what the Modeler shows. */
    private static String idProche(Element e) {
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            if (!x.getAttribute("id").isBlank()) {
                return x.getAttribute("id");
            }
        }
        return null;
    }

    private static List<Element> elements(Element racine, String ns, String local) {
        List<Element> l = new ArrayList<>();
        NodeList n = racine.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < n.getLength(); i++) {
            l.add((Element) n.item(i));
        }
        return l;
    }

    private static List<Element> elementsParNom(Element racine, String local) {
        return elements(racine, "*", local);
    }
}
