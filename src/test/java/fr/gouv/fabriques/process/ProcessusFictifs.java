package fr.gouv.fabriques.process;

import fr.gouv.fabriques.application.versement.CalendrierConvention;
import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.process.commun.DelaisProcessus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans the models name, replaced for the plain-engine process tests: delegates
 * that set the routing facts a scenario chooses, listeners that record they ran.
 * What the real ones do is covered by the use-case and integration tests.
 */
public final class ProcessusFictifs {

    public static final String[] DELEGATES = {"verifierEligibiliteDelegate", "classerSansSuiteDelegate",
        "constaterAbsenceAvisDelegate", "genererConventionDelegate", "constaterCaduciteDelegate", "etablirEcheancierDelegate",
        "preparerVersementDelegate", "emettreOrdreVersementDelegate", "solderConventionDelegate", "cloturerVagueDelegate",
        "relancerPorteurDelegate", "constaterDefautBilanDelegate", "publierDecisionsDelegate", "rappelerBilanDelegate",
        "reprendreVersementsDelegate", "resilierConventionDelegate", "etablirAvenantDelegate", "appliquerAvenantDelegate",
        "constaterCaduciteAvenantDelegate"};
    public static final String[] LISTENERS = {"completudeListener", "avisTerritorialListener", "instructionListener",
        "validationPropositionListener", "signatureEtatListener", "ordonnancementListener", "validationOrdreVersementListener",
        "examenBilanListener", "reversementListener", "reversementRecuListener", "validationAnnulationListener", "preparationSeanceListener",
        "decisionDossierListener", "arretDecisionsListener", "validationAvenantListener", "signatureAvenantEtatListener"};
    public static final String[] EXECUTION_LISTENERS = {"filtreSeanceListener"};

    /** Which delegates ran, in order. */
    public final List<String> appels = new java.util.ArrayList<>();
    private final Map<String, JavaDelegate> comportements = new HashMap<>();
    private final Map<String, TaskListener> ecouteurs = new HashMap<>();

    public ProcessusFictifs() {
        Mocks.reset();
        Mocks.register("delais", new DelaisProcessus(new Delais("P15D", "P21D", "P60D", "P45D", "P1Y", "P30D", "P6M", "P30D", "P60D", "P10D")));
        for (String nom : DELEGATES) {
            Mocks.register(nom, (JavaDelegate) execution -> {
                appels.add(nom);
                JavaDelegate c = comportements.get(nom);
                if (c != null) {
                    c.execute(execution);
                }
            });
        }
        for (String nom : LISTENERS) {
            Mocks.register(nom, (TaskListener) tache -> {
                appels.add(nom + ":" + tache.getEventName());
                TaskListener e = ecouteurs.get(nom + ":" + tache.getEventName());
                if (e != null) {
                    e.notify(tache);
                }
            });
        }
        for (String nom : EXECUTION_LISTENERS) {
            Mocks.register(nom, (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> appels.add(nom + ":" + execution.getEventName()));
        }
        Mocks.register("calendrierBilans", calendrier);
        // The committee's agenda: the numbers the decision tasks are created for.
        Mocks.register("ordreDuJourComite", new OrdreDuJour());
        // The committee's due dates: its fixed committee date (the real bean reads it from the wave).
        Mocks.register("echeancesComite", new EcheancesComite());
        // Defaults: the happy path.
        quand("verifierEligibiliteDelegate", e -> e.setVariable("eligible", true));
        quand("classerSansSuiteDelegate", e -> e.setVariable("issueInstruction", "SANS_SUITE"));
        quand("constaterCaduciteDelegate", e -> e.setVariable("issueConvention", "CADUQUE"));
        quand("etablirEcheancierDelegate", e -> {
            e.setVariable("annees", new java.util.ArrayList<>(List.of(1, 2, 3)));
            e.setVariable("anneeBilanFinal", 3);
        });
        quand("preparerVersementDelegate", e -> {
            int annee = ((Number) e.getVariable("annee")).intValue();
            e.setVariable("bilanRequis", annee > 1);
            e.setVariable("anneeBilan", annee - 1);
            e.setVariable("dateEcheance", java.util.Date.from(annee == 1 ? calendrier.signature
                    : CalendrierConvention.finAnnee(calendrier.signature, java.time.Period.ofYears(1), annee - 1)));
        });
    }

    /**
     * The convention's calendar as the real {@code calendrierBilans} computes it (CalendrierConvention's rules,
     * years of one year, reports due 6 months after their year, reminded 30 days before), from a State signature
     * the test sets; the report's year is read from the process (the real bean reads it in the database).
     */
    public final CalendrierFictif calendrier = new CalendrierFictif();

    public static class CalendrierFictif {
        public java.time.Instant signature = java.time.Instant.parse("2030-01-01T00:00:00Z");

        public java.util.Date finConvention(org.camunda.bpm.engine.delegate.DelegateExecution e) {
            return java.util.Date.from(CalendrierConvention.finAnnee(signature, java.time.Period.ofYears(1), 3));
        }

        public java.util.Date limite(org.camunda.bpm.engine.delegate.DelegateExecution e) {
            return java.util.Date.from(limiteBilan(((Number) e.getVariable("anneeBilan")).intValue()));
        }

        public java.util.Date rappel(org.camunda.bpm.engine.delegate.DelegateExecution e) {
            return java.util.Date.from(CalendrierConvention.rappel(limiteBilan(((Number) e.getVariable("anneeBilan")).intValue()),
                    java.time.Period.ofDays(30)));
        }

        public java.time.Instant limiteBilan(int annee) {
            return CalendrierConvention.limiteBilan(CalendrierConvention.finAnnee(signature, java.time.Period.ofYears(1), annee),
                    java.time.Period.ofMonths(6));
        }
    }

    /** The committee date of every fake wave: 10 May 2030, 9:00 (session) and 23:59:59 (decisions), Paris time. */
    public static final java.util.Date SEANCE = java.util.Date.from(java.time.Instant.parse("2030-05-10T07:00:00Z"));
    public static final java.util.Date FIN_SEANCE = java.util.Date.from(java.time.Instant.parse("2030-05-10T21:59:59Z"));

    public static class EcheancesComite {
        public java.util.Date seance(String vague) {
            return SEANCE;
        }

        public java.util.Date decisions(String vague) {
            return FIN_SEANCE;
        }
    }

    /** The dossiers on the agenda of the fake committee ({@code ${ordreDuJourComite.numeros(vague)}}). */
    public final List<String> ordreDuJour = new java.util.ArrayList<>();

    public class OrdreDuJour {
        public List<String> numeros(String vague) {
            return ordreDuJour;
        }
    }

    public void quand(String delegate, JavaDelegate comportement) {
        comportements.put(delegate, comportement);
    }

    /** What a listener does on an event ("create", "complete"), e.g. refuse with an exception. */
    public void quandEcouteur(String listener, String evenement, TaskListener comportement) {
        ecouteurs.put(listener + ":" + evenement, comportement);
    }

    public static Map<String, Object> dossier(String numero, String departement) {
        Map<String, Object> v = new HashMap<>();
        v.put("numero", numero);
        v.put("structure", "La Fabrique du Val");
        v.put("categorie", "HORS_GRANDS_CENTRES");
        v.put("vague", "FDT-2026-12");
        v.put("departement", departement);
        return v;
    }
}
