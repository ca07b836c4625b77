package fr.gouv.fabriques.application.simulation;

import fr.gouv.fabriques.application.instruction.EvaluerEligibilite;
import fr.gouv.fabriques.application.port.HistoriqueDecisions;
import fr.gouv.fabriques.application.port.HistoriqueDecisions.Ligne;
import fr.gouv.fabriques.application.port.HistoriqueDecisions.VagueDeliberee;
import fr.gouv.fabriques.application.port.SimulationRepository;
import fr.gouv.fabriques.application.port.SimulationRepository.Simulation;
import fr.gouv.fabriques.application.port.TablesCandidates;
import fr.gouv.fabriques.application.port.TablesCandidates.Candidates;
import fr.gouv.fabriques.application.port.TablesCandidates.Origine;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.domain.simulation.DossierRejoue;
import fr.gouv.fabriques.domain.simulation.RapportSimulation;
import fr.gouv.fabriques.domain.simulation.Regles;
import fr.gouv.fabriques.domain.simulation.Rejeu;
import fr.gouv.fabriques.domain.simulation.VagueRejouee;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * « Simuler un changement de règle »: replays the chosen deliberated waves, in order, under
 * candidate DMN tables (uploaded, or a deployment), quotas or envelope, from what was recorded
 * when each dossier was decided, and records the run. Reads the history, evaluates in memory,
 * writes only the run's record (simulation_regles): no dossier, decision, counter, task,
 * message or mail is touched, nothing is deployed.
 */
@Service
public class SimulerRegles {

    /** The largest candidate table accepted (the programme's tables weigh a few kB). */
    public static final int TAILLE_MAX_TABLE = 512 * 1024;

    private final HistoriqueDecisions historique;
    private final TablesCandidates tables;
    private final SimulationRepository simulations;
    private final EvaluerEligibilite eligibilite;
    private final PlafondsFinancement plafonds;
    private final Clock horloge;

    public SimulerRegles(HistoriqueDecisions historique, TablesCandidates tables, SimulationRepository simulations,
            EvaluerEligibilite eligibilite, PlafondsFinancement plafonds, Clock horloge) {
        this.historique = historique;
        this.tables = tables;
        this.simulations = simulations;
        this.eligibilite = eligibilite;
        this.plafonds = plafonds;
        this.horloge = horloge;
    }

    /**
     * @param eligibilite candidate eligibility table (bytes of a .dmn), or null
     * @param notation    candidate scoring grid, or null
     * @param deploiement id of an engine deployment holding the candidate tables, instead of files
     * @param vagues      codes of deliberated waves; empty: all of them
     * @param quotas      candidate cumulative quota per category (absent: as they stood)
     * @param enveloppe   candidate envelope in euros, or null
     */
    public record Demande(byte[] eligibilite, byte[] notation, String deploiement, List<String> vagues, Map<Categorie, Integer> quotas,
            Long enveloppe) {

        public Demande {
            vagues = vagues == null ? List.of() : List.copyOf(vagues);
            quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        }
    }

    /** The deliberated waves a simulation can replay, in order. */
    public List<VagueDeliberee> vagues() {
        return historique.vaguesDeliberees();
    }

    public List<TablesCandidates.Deploiement> deploiements() {
        return tables.deploiements();
    }

    public Simulation lancer(Demande demande, String agent) {
        long debut = System.nanoTime();
        List<Violation> violations = new ArrayList<>();
        boolean fichiers = demande.eligibilite() != null || demande.notation() != null;
        boolean deploiement = demande.deploiement() != null && !demande.deploiement().isBlank();
        if (fichiers && deploiement) {
            violations.add(new Violation("deploiement", "choisissez des fichiers ou un déploiement, pas les deux"));
        }
        verifierTaille("eligibilite", demande.eligibilite(), violations);
        verifierTaille("notation", demande.notation(), violations);
        demande.quotas().forEach((c, q) -> {
            if (q == null || q < 0 || q > 10_000) {
                violations.add(new Violation("quotas." + c.name(), "quota attendu entre 0 et 10 000 (reçu : " + q + ")"));
            }
        });
        if (demande.enveloppe() != null && (demande.enveloppe() < 0 || demande.enveloppe() > 10_000_000_000L)) {
            violations.add(new Violation("enveloppe", "enveloppe attendue en euros, entre 0 et 10 milliards (reçu : " + demande.enveloppe() + ")"));
        }
        if (!fichiers && !deploiement && demande.quotas().isEmpty() && demande.enveloppe() == null) {
            violations.add(new Violation("eligibilite", "donnez au moins une table candidate (eligibilite, notation ou deploiement), "
                    + "des quotas ou une enveloppe à essayer"));
        }
        List<VagueDeliberee> deliberees = historique.vaguesDeliberees();
        Set<String> connues = deliberees.stream().map(VagueDeliberee::code).collect(Collectors.toSet());
        for (int i = 0; i < demande.vagues().size(); i++) {
            String code = demande.vagues().get(i);
            if (!connues.contains(code)) {
                violations.add(new Violation("vagues[" + i + "]", "« " + code + " » n'est pas une vague délibérée (vagues délibérées : "
                        + (connues.isEmpty() ? "aucune" : String.join(", ", deliberees.stream().map(VagueDeliberee::code).toList())) + ")"));
            }
        }
        if (deliberees.isEmpty()) {
            violations.add(new Violation("vagues", "aucune vague n'a encore été délibérée : rien à rejouer"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        Candidates candidates;
        try {
            candidates = deploiement ? tables.deploiement(demande.deploiement().strip())
                    : fichiers ? tables.televersees(demande.eligibilite(), demande.notation()) : SANS_TABLE;
        } catch (TablesCandidates.TableIllisible e) {
            throw new ErreursValidation(e.champ(), e.getMessage());
        }
        List<VagueDeliberee> choisies = demande.vagues().isEmpty() ? deliberees
                : deliberees.stream().filter(v -> demande.vagues().contains(v.code())).toList();
        RapportSimulation rapport;
        try {
            rapport = Rejeu.rejouer(rejouees(choisies), candidates, new Rejeu.Options(demande.quotas(), demande.enveloppe()));
        } catch (TablesCandidates.TableIllisible e) {
            throw new ErreursValidation(e.champ(), e.getMessage());
        }
        long dureeMs = (System.nanoTime() - debut) / 1_000_000;
        Simulation s = new Simulation(null, agent, horloge.instant(), candidates.eligibilite(), candidates.notation(),
                choisies.stream().map(VagueDeliberee::code).toList(), demande.quotas(), demande.enveloppe(), rapport.global().dossiersRejoues(),
                rapport.dossiersChanges(), rapport.sortants(), rapport.entrants(), dureeMs, rapport);
        long id = simulations.enregistrer(s);
        return new Simulation(id, s.lanceePar(), s.lanceeLe(), s.eligibilite(), s.notation(), s.vagues(), s.quotas(), s.enveloppe(),
                s.dossiersRejoues(), s.dossiersChanges(), s.sortants(), s.entrants(), s.dureeMs(), rapport);
    }

    private static void verifierTaille(String champ, byte[] octets, List<Violation> violations) {
        if (octets != null && octets.length == 0) {
            violations.add(new Violation(champ, "le fichier est vide"));
        } else if (octets != null && octets.length > TAILLE_MAX_TABLE) {
            violations.add(new Violation(champ, "le fichier dépasse " + TAILLE_MAX_TABLE / 1024 + " Ko (reçu : " + octets.length / 1024
                    + " Ko) : une table du programme pèse quelques Ko"));
        }
    }

    /** The waves with their dossiers as recorded; the eligibility inputs of a dossier decided before V59 are rebuilt. */
    List<VagueRejouee> rejouees(List<VagueDeliberee> vagues) {
        Map<String, List<DossierRejoue>> parVague = new LinkedHashMap<>();
        for (Ligne l : historique.dossiers(vagues.stream().map(VagueDeliberee::code).toList())) {
            parVague.computeIfAbsent(l.vague(), k -> new ArrayList<>()).add(dossier(l));
        }
        return vagues.stream().map(v -> new VagueRejouee(v.code(), v.appel(), v.dateComite(), v.quotas(), v.laureatsAvant(), v.enveloppe(),
                v.engageAvant(), v.reconstitue(), parVague.getOrDefault(v.code(), List.of()))).toList();
    }

    private DossierRejoue dossier(Ligne l) {
        Map<String, Object> entrees = l.entreesEligibilite();
        boolean reconstituees = entrees == null;
        if (reconstituees) {
            entrees = new LinkedHashMap<>(eligibilite.faits(l.appel(), l.categorie(), l.montantsDemandes(), l.codeQpv(), l.formeJuridique(),
                    l.codeInsee()).variables());
            entrees.putAll(plafonds.variables());
        }
        long engagement = l.decision() == TypeDecision.LAUREAT ? l.engagementDecide()
                : plafonds.engagement(l.montantsProposes() != null ? l.montantsProposes() : l.montantsDemandes(), l.categorie());
        return new DossierRejoue(l.id(), l.numero(), l.structure(), l.categorie(), l.region(), l.departement(), entrees, reconstituees,
                l.eligible(), l.notes(), l.score(), l.recommandation(), l.avisTerritorial(), l.aSeance(), l.decision(), engagement);
    }

    /** Only quotas or envelope change: the tables keep the recorded outcome. */
    private static final Candidates SANS_TABLE = new Candidates() {
        @Override
        public Origine eligibilite() {
            return null;
        }

        @Override
        public Origine notation() {
            return null;
        }

        @Override
        public boolean eligible(DossierRejoue d) {
            return Regles.ENREGISTREES.eligible(d);
        }

        @Override
        public BigDecimal score(DossierRejoue d) {
            return Regles.ENREGISTREES.score(d);
        }

        @Override
        public Avis recommandation(DossierRejoue d, BigDecimal score) {
            return Regles.ENREGISTREES.recommandation(d, score);
        }
    };
}
