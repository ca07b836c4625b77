package fr.gouv.fabriques.process.simulation;

import fr.gouv.fabriques.application.port.TablesCandidates;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.Notation;
import fr.gouv.fabriques.domain.simulation.DossierRejoue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link TablesCandidates} parsed by a standalone Camunda DMN engine (same FEEL engine and
 * defaults as the process engine's): the process engine's own DMN engine records every
 * evaluation in the history and the metrics, and evaluating a table through the engine
 * requires deploying it. Here a table is parsed from its bytes, evaluated in memory, and
 * forgotten (doc/adr/0014).
 */
@Component
class TablesCandidatesDmn implements TablesCandidates {

    static final String ELIGIBILITE = "Decision_Eligibilite";
    static final String POIDS = "Decision_PoidsCriteres";
    static final String RECOMMANDATION = "Decision_Recommandation";

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final RepositoryService depots;

    TablesCandidatesDmn(RepositoryService depots) {
        this.depots = depots;
    }

    @Override
    public Candidates televersees(byte[] eligibilite, byte[] notation) {
        TableEligibilite e = eligibilite == null ? null
                : new TableEligibilite(decision("eligibilite", eligibilite, ELIGIBILITE), new Origine(sha256(eligibilite), "fichier téléversé : " + ELIGIBILITE));
        TableNotation n = null;
        if (notation != null) {
            Map<String, DmnDecision> d = decisions("notation", notation);
            n = new TableNotation(exiger("notation", d, POIDS), exiger("notation", d, RECOMMANDATION),
                    new Origine(sha256(notation), "fichier téléversé : " + POIDS + ", " + RECOMMANDATION));
        }
        return new Regles(e, n);
    }

    @Override
    public Candidates deploiement(String id) {
        Deployment deploiement = id == null || id.isBlank() ? null : depots.createDeploymentQuery().deploymentId(id).singleResult();
        if (deploiement == null) {
            throw new TableIllisible("deploiement", "aucun déploiement « " + id + " » dans le moteur");
        }
        TableEligibilite e = null;
        TableNotation n = null;
        for (DecisionDefinition def : depots.createDecisionDefinitionQuery().deploymentId(id).list()) {
            if (!List.of(ELIGIBILITE, POIDS).contains(def.getKey())) {
                continue;
            }
            byte[] octets = lire(def.getDeploymentId(), def.getResourceName());
            Map<String, DmnDecision> d = decisions("deploiement", octets);
            String origine = "déploiement " + id + " (" + def.getResourceName() + ") : " + def.getKey() + " v" + def.getVersion();
            if (def.getKey().equals(ELIGIBILITE)) {
                e = new TableEligibilite(exiger("deploiement", d, ELIGIBILITE), new Origine(sha256(octets), origine));
            } else {
                n = new TableNotation(exiger("deploiement", d, POIDS), exiger("deploiement", d, RECOMMANDATION), new Origine(sha256(octets), origine));
            }
        }
        if (e == null && n == null) {
            throw new TableIllisible("deploiement", "le déploiement « " + id + " » ne contient ni " + ELIGIBILITE + " ni " + POIDS);
        }
        return new Regles(e, n);
    }

    @Override
    public Candidates dernieres() {
        DecisionDefinition e = depots.createDecisionDefinitionQuery().decisionDefinitionKey(ELIGIBILITE).withoutTenantId().latestVersion()
                .singleResult();
        DecisionDefinition p = depots.createDecisionDefinitionQuery().decisionDefinitionKey(POIDS).withoutTenantId().latestVersion()
                .singleResult();
        if (e == null || p == null) {
            throw new IllegalStateException("Les tables " + ELIGIBILITE + " et " + POIDS + " ne sont pas déployées");
        }
        byte[] octetsE = lire(e.getDeploymentId(), e.getResourceName());
        byte[] octetsP = lire(p.getDeploymentId(), p.getResourceName());
        Map<String, DmnDecision> n = decisions("notation", octetsP);
        return new Regles(new TableEligibilite(decision("eligibilite", octetsE, ELIGIBILITE), new Origine(sha256(octetsE),
                "tables déployées : " + ELIGIBILITE + " v" + e.getVersion())), new TableNotation(exiger("notation", n, POIDS),
                exiger("notation", n, RECOMMANDATION), new Origine(sha256(octetsP), "tables déployées : " + POIDS + " v" + p.getVersion())));
    }

    @Override
    public List<Deploiement> deploiements() {
        Map<String, List<String>> parDeploiement = new LinkedHashMap<>();
        List<DecisionDefinition> definitions = new ArrayList<>();
        for (String cle : List.of(ELIGIBILITE, POIDS)) {
            definitions.addAll(depots.createDecisionDefinitionQuery().decisionDefinitionKey(cle).orderByDecisionDefinitionVersion().desc()
                    .listPage(0, 20));
        }
        definitions.sort(java.util.Comparator.comparing(DecisionDefinition::getDeploymentId).reversed());
        for (DecisionDefinition def : definitions) {
            parDeploiement.computeIfAbsent(def.getDeploymentId(), k -> new ArrayList<>()).add(def.getKey() + " v" + def.getVersion());
        }
        List<Deploiement> liste = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : parDeploiement.entrySet()) {
            Deployment d = depots.createDeploymentQuery().deploymentId(e.getKey()).singleResult();
            if (d != null) {
                liste.add(new Deploiement(d.getId(), d.getName(), d.getDeploymentTime().toInstant(), List.copyOf(e.getValue())));
            }
        }
        liste.sort(java.util.Comparator.comparing(Deploiement::le).reversed());
        return liste;
    }

    private byte[] lire(String deploiement, String ressource) {
        try (InputStream in = depots.getResourceAsStream(deploiement, ressource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Ressource " + ressource + " du déploiement " + deploiement + " illisible", e);
        }
    }

    private Map<String, DmnDecision> decisions(String champ, byte[] octets) {
        List<DmnDecision> lues;
        try {
            lues = dmn.parseDecisions(new ByteArrayInputStream(octets));
        } catch (RuntimeException e) {
            throw new TableIllisible(champ, "le fichier n'est pas une table DMN lisible" + ligne(e)
                    + " : enregistrez-la depuis Camunda Modeler (DMN 1.3) sans la modifier à la main");
        }
        Map<String, DmnDecision> parCle = new LinkedHashMap<>();
        lues.forEach(d -> parCle.put(d.getKey(), d));
        return parCle;
    }

    private DmnDecision decision(String champ, byte[] octets, String cle) {
        return exiger(champ, decisions(champ, octets), cle);
    }

    private static DmnDecision exiger(String champ, Map<String, DmnDecision> decisions, String cle) {
        DmnDecision d = decisions.get(cle);
        if (d == null) {
            throw new TableIllisible(champ, "le fichier ne contient pas la décision « " + cle + " » (décisions lues : "
                    + (decisions.isEmpty() ? "aucune" : String.join(", ", decisions.keySet())) + ")");
        }
        if (!d.isDecisionTable()) {
            throw new TableIllisible(champ, "la décision « " + cle + " » n'est pas une table de décision");
        }
        return d;
    }

    /** « (ligne 12) » when the XML parser said where: no class name, no stack. */
    private static String ligne(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.xml.sax.SAXParseException s && s.getLineNumber() > 0) {
                return " (XML mal formé, ligne " + s.getLineNumber() + ")";
            }
        }
        return "";
    }

    static String sha256(byte[] octets) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record TableEligibilite(DmnDecision decision, Origine origine) {
    }

    private record TableNotation(DmnDecision poids, DmnDecision recommandation, Origine origine) {
    }

    /** The candidate rules; a part without a table keeps the recorded outcome. */
    private final class Regles implements Candidates {

        private final TableEligibilite eligibilite;
        private final TableNotation notation;
        private final Map<Categorie, Map<Critere, Integer>> poids = new ConcurrentHashMap<>();
        /** FEEL evaluation dominates a replay: each dossier's eligibility once, each (score, category, opinion) once. */
        private final Map<String, Boolean> eligibilites = new ConcurrentHashMap<>();
        private final Map<String, Avis> recommandations = new ConcurrentHashMap<>();

        Regles(TableEligibilite eligibilite, TableNotation notation) {
            this.eligibilite = eligibilite;
            this.notation = notation;
            if (notation != null) {
                for (Categorie c : Categorie.values()) {
                    poids.put(c, lirePoids(c));
                }
            }
        }

        @Override
        public Origine eligibilite() {
            return eligibilite == null ? null : eligibilite.origine();
        }

        @Override
        public Origine notation() {
            return notation == null ? null : notation.origine();
        }

        @Override
        public void preparer(List<DossierRejoue> dossiers) {
            if (eligibilite != null) {
                dossiers.parallelStream().forEach(this::eligible);
            }
        }

        @Override
        public boolean eligible(DossierRejoue d) {
            if (eligibilite == null) {
                return d.eligibleEnregistre();
            }
            Boolean connu = eligibilites.get(d.numero());
            if (connu != null) {
                return connu;
            }
            boolean resultat = evaluerEligibilite(d);
            eligibilites.put(d.numero(), resultat);
            return resultat;
        }

        private boolean evaluerEligibilite(DossierRejoue d) {
            VariableMap variables = Variables.createVariables();
            variables.putAll(d.entreesEligibilite());
            try {
                return dmn.evaluateDecision(eligibilite.decision(), variables).getResultList().stream()
                        .noneMatch(ligne -> ligne.get("motif") != null);
            } catch (RuntimeException e) {
                throw new TableIllisible("eligibilite", "la table « " + ELIGIBILITE + " » ne s'évalue pas pour le dossier " + d.numero()
                        + " : une expression ou un type d'entrée ne convient pas aux entrées enregistrées (" + String.join(", ",
                                d.entreesEligibilite().keySet()) + ")");
            }
        }

        @Override
        public BigDecimal score(DossierRejoue d) {
            if (notation == null || !d.note()) {
                return d.scoreEnregistre();
            }
            try {
                return new Notation(d.notes()).score(poids.get(d.categorie()));
            } catch (IllegalArgumentException e) {
                throw new TableIllisible("notation", "la table « " + POIDS + " » donne des poids inutilisables pour la catégorie "
                        + d.categorie() + " (négatifs, ou tous nuls)");
            }
        }

        @Override
        public Avis recommandation(DossierRejoue d, BigDecimal score) {
            if (notation == null || score == null) {
                return d.recommandationEnregistree();
            }
            String cle = score.toPlainString() + "|" + d.categorie() + "|" + d.avisTerritorial();
            Avis connue = recommandations.get(cle);
            if (connue != null) {
                return connue;
            }
            Avis avis = evaluerRecommandation(d, score);
            recommandations.put(cle, avis);
            return avis;
        }

        private Avis evaluerRecommandation(DossierRejoue d, BigDecimal score) {
            VariableMap v = Variables.createVariables().putValue("scoreTotal", score.doubleValue()).putValue("categorie", d.categorie().name())
                    .putValue("avisTerritorial", d.avisTerritorial() == null ? null : d.avisTerritorial().name());
            Object r;
            try {
                r = dmn.evaluateDecision(notation.recommandation(), v).getSingleEntry();
            } catch (RuntimeException e) {
                throw new TableIllisible("notation", "la table « " + RECOMMANDATION + " » ne s'évalue pas pour le dossier " + d.numero()
                        + " (score " + score + ") : plusieurs règles s'appliquent à la fois, ou une expression ne convient pas");
            }
            if (r == null) {
                throw new TableIllisible("notation", "la table « " + RECOMMANDATION + " » ne couvre pas le score " + score + " (dossier "
                        + d.numero() + ")");
            }
            try {
                return Avis.valueOf(r.toString());
            } catch (IllegalArgumentException e) {
                throw new TableIllisible("notation", "la table « " + RECOMMANDATION + " » donne « " + r
                        + " » : attendu FAVORABLE, RESERVE ou DEFAVORABLE");
            }
        }

        private Map<Critere, Integer> lirePoids(Categorie c) {
            DmnDecisionResultEntries ligne;
            try {
                ligne = dmn.evaluateDecision(notation.poids(), Variables.createVariables().putValue("categorie", c.name())).getSingleResult();
            } catch (RuntimeException e) {
                throw new TableIllisible("notation", "la table « " + POIDS + " » ne s'évalue pas pour la catégorie " + c
                        + " : plusieurs règles s'appliquent à la fois, ou une expression ne convient pas");
            }
            if (ligne == null) {
                throw new TableIllisible("notation", "la table « " + POIDS + " » ne donne aucun poids pour la catégorie " + c);
            }
            Map<Critere, Integer> p = new EnumMap<>(Critere.class);
            for (Critere critere : Critere.values()) {
                String sortie = "poids" + critere.champ().substring("note".length());
                if (!(ligne.get(sortie) instanceof Number n) || n.intValue() < 0) {
                    throw new TableIllisible("notation", "la table « " + POIDS + " » ne donne pas de poids (entier positif) « " + sortie
                            + " » pour la catégorie " + c);
                }
                p.put(critere, n.intValue());
            }
            if (p.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new TableIllisible("notation", "la table « " + POIDS + " » donne des poids tous nuls pour la catégorie " + c);
            }
            return p;
        }
    }
}
