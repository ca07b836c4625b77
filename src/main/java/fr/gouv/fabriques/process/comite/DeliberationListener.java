package fr.gouv.fabriques.process.comite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.process.commun.Agents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * UserTask_Deliberer — the committee decides the wave's whole ranked list on one
 * screen (forms/deliberer-comite.form): two checklists (laureates, adjourned; every
 * other dossier is refused), a text of motivations and a text of amended amounts, one
 * line per dossier. On create the form is filled from the ranking and from decisions
 * already proposed (PUT /api/agents/vagues/{code}/decisions); on complete everything is
 * read back, turned into one decision per dossier and checked by {@link ProposerDecisions}.
 * A REST client may instead send {@code decisions}, a Json list of rows.
 */
@Component("deliberationListener")
class DeliberationListener implements TaskListener {

    static final String CHOIX = "choixDossiers";
    static final String LAUREATS = "laureats";
    static final String AJOURNES = "ajournes";
    static final String MOTIVATIONS = "motivations";
    static final String MONTANTS = "montantsModifies";
    static final String SAISIE_INITIALE = "saisieInitiale";
    private static final Pattern LIGNE = Pattern.compile("^\\s*([A-Z]{3}-\\d{4}-\\d{4})\\s*[:;-]\\s*(.*)$");
    private static final Pattern TROIS_MONTANTS = Pattern.compile("^\\s*([\\d  .]+)\\s*[/;]\\s*([\\d  .]+)\\s*[/;]\\s*([\\d  .]+)\\s*$");

    private final DecrireSeance decrireSeance;
    private final ProposerDecisions proposerDecisions;
    private final ObjectMapper json = new ObjectMapper();

    DeliberationListener(DecrireSeance decrireSeance, ProposerDecisions proposerDecisions) {
        this.decrireSeance = decrireSeance;
        this.proposerDecisions = proposerDecisions;
    }

    @Override
    public void notify(DelegateTask tache) {
        String vague = (String) tache.getVariable(ComiteVagueProcess.VAR_VAGUE);
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            remplir(tache, decrireSeance.dossiers(vague), vague);
            return;
        }
        List<ProposerDecisions.Ligne> lignes;
        if (tache.getExecution().hasVariable(ComiteVagueProcess.VAR_DECISIONS)) {
            lignes = lignesJson(tache.getExecution().getVariable(ComiteVagueProcess.VAR_DECISIONS));
        } else if (empreinte(tache).equals(tache.getVariableLocal(SAISIE_INITIALE))) {
            // The form comes back as it was filled in: nothing decided here; decisions recorded through the API stand.
            lignes = List.of();
        } else {
            lignes = lignesFormulaire(tache, decrireSeance.dossiers(vague));
        }
        if (!lignes.isEmpty()) {
            proposerDecisions.proposer(vague, lignes, Agents.courant(tache));
        }
        for (String nom : List.of(ComiteVagueProcess.VAR_DECISIONS, LAUREATS, AJOURNES, MOTIVATIONS, MONTANTS)) {
            tache.getExecution().removeVariable(nom);
        }
    }

    /** The form's input: one option per dossier, and what was already proposed. */
    private void remplir(DelegateTask tache, List<ClassementVague.Ligne> dossiers, String vague) {
        ArrayNode choix = json.createArrayNode();
        ArrayNode laureats = json.createArrayNode();
        ArrayNode ajournes = json.createArrayNode();
        StringBuilder motivations = new StringBuilder();
        StringBuilder montants = new StringBuilder();
        for (ClassementVague.Ligne l : dossiers) {
            // Short enough for one line of Tasklist's form pane; the agenda above gives the details.
            String structure = l.structure().length() > 38 ? l.structure().substring(0, 37) + "…" : l.structure();
            choix.addObject().put("value", l.numero()).put("label", l.numero() + " — " + structure + " — "
                    + (l.score() == null ? "non noté" : l.score() + "/100") + (l.recommandation() == null ? "" : " " + l.recommandation()));
            if (l.decisionProposee() == TypeDecision.LAUREAT) {
                laureats.add(l.numero());
                MontantsAnnuels m = l.montantsProposesParLeComite();
                if (m != null && !m.equals(l.montantsProposes())) {
                    montants.append(l.numero()).append(" : ").append(m.annee1()).append(" / ").append(m.annee2()).append(" / ")
                            .append(m.annee3()).append('\n');
                }
            } else if (l.decisionProposee() == TypeDecision.AJOURNE) {
                ajournes.add(l.numero());
            }
            if (l.motivationProposee() != null) {
                motivations.append(l.numero()).append(" : ").append(l.motivationProposee().replace('\n', ' ')).append('\n');
            }
        }
        tache.setVariableLocal("ordreDuJour", decrireSeance.ordreDuJour(vague));
        tache.setVariableLocal(CHOIX, SpinValues.jsonValue(choix.toString()).create());
        tache.setVariableLocal(LAUREATS, SpinValues.jsonValue(laureats.toString()).create());
        tache.setVariableLocal(AJOURNES, SpinValues.jsonValue(ajournes.toString()).create());
        tache.setVariableLocal(MOTIVATIONS, motivations.toString());
        tache.setVariableLocal(MONTANTS, montants.toString());
        tache.setVariableLocal(SAISIE_INITIALE, empreinte(tache));
    }

    /** The four answers, normalised: tells a form sent back unchanged from one the committee filled in. */
    private String empreinte(DelegateTask tache) {
        List<Violation> ignorees = new ArrayList<>();
        return new java.util.TreeSet<>(numeros(soumis(tache, LAUREATS), LAUREATS, ignorees)) + "|"
                + new java.util.TreeSet<>(numeros(soumis(tache, AJOURNES), AJOURNES, ignorees)) + "|"
                + String.valueOf(soumis(tache, MOTIVATIONS)).strip() + "|" + String.valueOf(soumis(tache, MONTANTS)).strip();
    }

    /** Tasklist's submit-form updates the task-local values; a REST « complete » sets process variables. */
    private static Object soumis(DelegateTask tache, String nom) {
        return tache.getExecution().hasVariable(nom) ? tache.getExecution().getVariable(nom) : tache.getVariableLocal(nom);
    }

    private List<ProposerDecisions.Ligne> lignesFormulaire(DelegateTask tache, List<ClassementVague.Ligne> dossiers) {
        List<Violation> violations = new ArrayList<>();
        Set<String> laureats = numeros(soumis(tache, LAUREATS), LAUREATS, violations);
        Set<String> ajournes = numeros(soumis(tache, AJOURNES), AJOURNES, violations);
        Map<String, String> motivations = lignesTexte(soumis(tache, MOTIVATIONS), MOTIVATIONS, violations);
        Map<String, String> montantsTexte = lignesTexte(soumis(tache, MONTANTS), MONTANTS, violations);
        Set<String> aLOrdreDuJour = new LinkedHashSet<>();
        dossiers.forEach(d -> aLOrdreDuJour.add(d.numero()));
        for (String n : laureats) {
            if (ajournes.contains(n)) {
                violations.add(new Violation(AJOURNES, n + " est coché à la fois lauréat et ajourné : choisissez"));
            }
        }
        for (Map.Entry<String, Set<String>> e : Map.of(LAUREATS, laureats, AJOURNES, ajournes, MOTIVATIONS, motivations.keySet(),
                MONTANTS, montantsTexte.keySet()).entrySet()) {
            for (String n : e.getValue()) {
                if (!aLOrdreDuJour.contains(n)) {
                    violations.add(new Violation(e.getKey(), n + " n'est pas à l'ordre du jour de cette séance"));
                }
            }
        }
        List<ProposerDecisions.Ligne> lignes = new ArrayList<>();
        for (ClassementVague.Ligne d : dossiers) {
            String n = d.numero();
            if (laureats.contains(n)) {
                MontantsAnnuels m = d.montantsProposes();
                String texte = montantsTexte.get(n);
                if (texte != null) {
                    Matcher t = TROIS_MONTANTS.matcher(texte);
                    if (t.matches()) {
                        m = new MontantsAnnuels(entier(t.group(1)), entier(t.group(2)), entier(t.group(3)));
                    } else {
                        violations.add(new Violation(MONTANTS, n + " : attendu « 50000 / 50000 / 40000 » (trois montants en euros) ; reçu : « "
                                + texte + " »"));
                        continue;
                    }
                }
                lignes.add(new ProposerDecisions.Ligne(n, TypeDecision.LAUREAT.name(), m == null ? null : m.annee1(),
                        m == null ? null : m.annee2(), m == null ? null : m.annee3(), motivations.get(n)));
            } else if (ajournes.contains(n)) {
                lignes.add(new ProposerDecisions.Ligne(n, TypeDecision.AJOURNE.name(), null, null, null, motivations.get(n)));
            } else {
                lignes.add(new ProposerDecisions.Ligne(n, TypeDecision.REFUSE.name(), null, null, null, motivations.get(n)));
            }
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        return lignes;
    }

    private static int entier(String texte) {
        return Integer.parseInt(texte.replaceAll("[  .]", ""));
    }

    /** The numbers checked in a checklist: Json from Tasklist, a list or a JSON string from a REST client. */
    private Set<String> numeros(Object valeur, String champ, List<Violation> violations) {
        Set<String> numeros = new LinkedHashSet<>();
        JsonNode noeud = noeud(valeur, champ, violations);
        if (noeud == null) {
            return numeros;
        }
        if (!noeud.isArray()) {
            violations.add(new Violation(champ, "attendu : la liste des dossiers cochés"));
            return numeros;
        }
        noeud.forEach(n -> numeros.add(n.asText()));
        return numeros;
    }

    /** « FDT-2026-0003 : texte » lines; empty lines ignored, one line per dossier. */
    private static Map<String, String> lignesTexte(Object valeur, String champ, List<Violation> violations) {
        Map<String, String> parNumero = new LinkedHashMap<>();
        if (valeur == null) {
            return parNumero;
        }
        String[] lignes = valeur.toString().split("\\R");
        for (int i = 0; i < lignes.length; i++) {
            if (lignes[i].isBlank()) {
                continue;
            }
            Matcher m = LIGNE.matcher(lignes[i]);
            if (!m.matches() || m.group(2).isBlank()) {
                violations.add(new Violation(champ, "ligne " + (i + 1) + " : attendu « FDT-2026-0003 : texte » ; reçu : « " + lignes[i].strip() + " »"));
            } else if (parNumero.put(m.group(1), m.group(2).strip()) != null) {
                violations.add(new Violation(champ, m.group(1) + " figure sur deux lignes"));
            }
        }
        return parNumero;
    }

    private JsonNode noeud(Object valeur, String champ, List<Violation> violations) {
        try {
            if (valeur == null) {
                return null;
            }
            if (valeur instanceof SpinJsonNode spin) {
                return json.readTree(spin.toString());
            }
            if (valeur instanceof String texte) {
                return texte.isBlank() ? null : json.readTree(texte);
            }
            if (valeur instanceof Collection<?> liste) {
                return json.valueToTree(liste);
            }
        } catch (JsonProcessingException e) {
            violations.add(new Violation(champ, "liste illisible : " + e.getOriginalMessage()));
            return null;
        }
        violations.add(new Violation(champ, "attendu : une liste ; reçu : " + valeur.getClass().getSimpleName()));
        return null;
    }

    /** REST clients: {@code decisions} as a Json list of rows {numero, decision, montant1..3, motivation}. */
    private List<ProposerDecisions.Ligne> lignesJson(Object soumis) {
        List<Violation> violations = new ArrayList<>();
        JsonNode racine = noeud(soumis, ComiteVagueProcess.VAR_DECISIONS, violations);
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        if (racine == null || !racine.isArray()) {
            throw new ErreursValidation(ComiteVagueProcess.VAR_DECISIONS, "attendu : un tableau JSON de décisions");
        }
        List<ProposerDecisions.Ligne> lignes = new ArrayList<>();
        for (JsonNode n : racine) {
            if (texte(n, "decision") == null) {
                // A row left without a decision is not a decision: an earlier one (API) stands, else the dossier goes to the next wave.
                continue;
            }
            lignes.add(new ProposerDecisions.Ligne(texte(n, "numero"), texte(n, "decision"), entierJson(n, "montant1"),
                    entierJson(n, "montant2"), entierJson(n, "montant3"), texte(n, "motivation")));
        }
        return lignes;
    }

    private static String texte(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Integer entierJson(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToInt() && v.asDouble() == Math.rint(v.asDouble())) {
            return v.asInt();
        }
        throw new ErreursValidation(champ, "montant attendu en euros entiers ; reçu : « " + v.asText() + " » (dossier " + texte(n, "numero") + ")");
    }
}
