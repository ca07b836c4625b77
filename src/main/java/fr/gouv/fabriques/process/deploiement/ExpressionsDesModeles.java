package fr.gouv.fabriques.process.deploiement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression of a model (JUEL, as the engine reads it) may name: the process variables the
 * project's delegates set ({@link #VARIABLES}), the public methods and properties of the beans exposed to
 * the models ({@link ExposeAuxModeles}), the current {@code execution} or {@code task} only as an argument
 * of such a method (and a few read-only properties of the execution), literals and operators. Nothing else:
 * no other bean (in the engine an unknown identifier resolves to any Spring bean), no method on a variable
 * or on the execution ({@code ${execution.getProcessEngineServices()…}}), no brackets, no functions.
 * The expression is parsed by the engine's own JUEL parser, so what is checked is what would run.
 */
public final class ExpressionsDesModeles {

    /**
     * The process variables the models read, as the project's delegates and listeners set them (and the
     * multi-instance element variables). A new one comes with the code that sets it: add it here.
     */
    public static final Set<String> VARIABLES = Set.of(
            // instruction
            "eligible", "dossierComplet", "propositionValidee", "issueInstruction", "departement",
            // comité
            "vague", "dateLimite", "decisionsArretees", "numero", "decisionComite",
            // convention, avenant
            "issueConvention", "avenantValide",
            // versements, bilans, suspension
            "annees", "annee", "anneeBilan", "anneeBilanFinal", "dateEcheance", "bilanRequis", "ordreValide", "decisionBilan",
            "versementsRestants", "suiteSuspension", "montantReversementOrdonne", "reversementRecuValide",
            // multi-instance counters the engine sets
            "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

    /** The engine's context objects: an argument of an exposed bean's method, never a receiver (but these read-only properties). */
    static final Set<String> CONTEXTE = Set.of("execution", "task");
    static final Set<String> PROPRIETES_CONTEXTE = Set.of("processBusinessKey", "businessKey", "processInstanceId", "eventName");

    private final Map<String, Set<String>> beansExposes;
    private final Set<String> variables;
    private final Builder juel = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /**
     * @param beansExposes each exposed bean and the members (method and property names) the models may use
     * @param variables    the variables the models may read
     */
    public ExpressionsDesModeles(Map<String, Set<String>> beansExposes, Set<String> variables) {
        this.beansExposes = Map.copyOf(beansExposes);
        this.variables = Set.copyOf(variables);
    }

    /** The problems of an expression (or of a text holding {@code ${…}} parts), in French; empty if it is allowed. */
    public List<String> problemes(String texte) {
        List<String> problemes = new ArrayList<>();
        Node racine;
        try {
            racine = juel.build(texte).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            problemes.add("expression « " + texte + " » illisible");
            return problemes;
        }
        parcourir(racine, texte, false, problemes);
        return problemes;
    }

    /** The bean a delegate expression names ({@code ${bean}} or {@code #{bean}}), or null if it is anything else. */
    public String beanDelegue(String texte) {
        try {
            Node racine = juel.build(texte.strip()).getRoot();
            if (racine instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id) {
                return id.getName();
            }
        } catch (TreeBuilderException | IllegalArgumentException e) {
            // Not an expression: no bean.
        }
        return null;
    }

    private void parcourir(Node n, String texte, boolean argument, List<String> problemes) {
        if (n instanceof AstText || n instanceof AstString || n instanceof AstNumber || n instanceof AstBoolean || n instanceof AstNull) {
            return;
        }
        if (n instanceof AstComposite || n instanceof AstEval || n instanceof AstNested || n instanceof AstBinary
                || n instanceof AstUnary || n instanceof AstChoice) {
            for (int i = 0; i < n.getCardinality(); i++) {
                parcourir(n.getChild(i), texte, false, problemes);
            }
            return;
        }
        if (n instanceof AstIdentifier id) {
            String nom = id.getName();
            if (variables.contains(nom) || argument && CONTEXTE.contains(nom)) {
                return;
            }
            if (CONTEXTE.contains(nom)) {
                problemes.add("« " + nom + " » ne s'emploie que comme argument d'une méthode d'un bean exposé aux modèles (dans « " + texte + " »)");
            } else if (beansExposes.containsKey(nom)) {
                problemes.add("le bean « " + nom + " » s'emploie par l'une de ses méthodes, " + membres(nom) + " (dans « " + texte + " »)");
            } else {
                problemes.add("« " + nom + " » n'est ni une variable des processus ni un bean exposé aux modèles (dans « " + texte + " »)");
            }
            return;
        }
        if (n instanceof AstMethod m) {
            if (m.getChild(0) instanceof AstDot point && point.getChild(0) instanceof AstIdentifier cible && beansExposes.containsKey(cible.getName())) {
                membre(cible.getName(), propriete(point), texte, problemes);
                Node parametres = m.getChild(1);
                for (int i = 0; i < parametres.getCardinality(); i++) {
                    parcourir(parametres.getChild(i), texte, true, problemes);
                }
                return;
            }
            problemes.add("appel « " + texte + " » refusé : seules les méthodes des beans exposés aux modèles ("
                    + String.join(", ", beansExposes.keySet().stream().sorted().toList()) + ") peuvent être appelées");
            return;
        }
        if (n instanceof AstDot point && point.getChild(0) instanceof AstIdentifier cible) {
            String nom = cible.getName();
            String propriete = propriete(point);
            if (beansExposes.containsKey(nom)) {
                membre(nom, propriete, texte, problemes);
                return;
            }
            if (CONTEXTE.contains(nom) && "execution".equals(nom) && PROPRIETES_CONTEXTE.contains(propriete)) {
                return;
            }
        }
        problemes.add("« " + texte + " » refusé : une expression ne lit que des variables des processus et les méthodes des beans exposés aux modèles"
                + " (pas de propriété d'une variable, de crochets ni de fonction)");
    }

    private void membre(String bean, String membre, String texte, List<String> problemes) {
        if (!beansExposes.get(bean).contains(membre)) {
            problemes.add("« " + bean + "." + membre + " » n'existe pas pour les modèles ; " + bean + " offre " + membres(bean) + " (dans « " + texte + " »)");
        }
    }

    private String membres(String bean) {
        return String.join(", ", beansExposes.get(bean).stream().sorted().toList());
    }

    /** AstDot keeps its property name private; its text is « . name ». */
    private static String propriete(AstDot point) {
        String s = point.toString();
        return s.startsWith(". ") ? s.substring(2) : s;
    }
}
