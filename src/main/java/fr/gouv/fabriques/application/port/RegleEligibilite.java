package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme's eligibility rules (bpmn/eligibilite.dmn, edited by analysts): given the
 * facts of a dossier, the reasons it is not eligible; none means eligible. The programme's
 * figures (amount bounds, yearly cap) are not part of the facts: the implementation feeds
 * them from configuration ({@code fabriques.financement.*}).
 */
public interface RegleEligibilite {

    /** Evaluates the latest deployed version of the rules. */
    Evaluation evaluer(FaitsEligibilite faits);

    /**
     * @param typeEpci type of the EPCI à fiscalité propre of the dossier's commune (CC, CA, CU,
     *                 METRO, MET69), from the reference geography; null for a commune outside any EPCI
     */
    record FaitsEligibilite(String appel, String categorie, int montantTotal, int montantAnnuelMax,
            boolean codeQpvRenseigne, String formeJuridique, String typeEpci) {

        /** The facts by the names of the table's input expressions. */
        public Map<String, Object> variables() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("appel", appel);
            v.put("categorie", categorie);
            v.put("montantTotal", montantTotal);
            v.put("montantAnnuelMax", montantAnnuelMax);
            v.put("codeQpvRenseigne", codeQpvRenseigne);
            v.put("formeJuridique", formeJuridique);
            v.put("typeEpci", typeEpci);
            return v;
        }
    }

    /**
     * What the rules said and which version of them said it.
     *
     * @param motifs   one per rule that applies: the deposit's field in cause (JSON path of the API) and the reason, in French
     * @param decision the decision definition evaluated: key, version and engine id
     * @param entrees  every input variable the table was evaluated with (facts and programme figures),
     *                 recorded with the decision so that a simulation can replay it (V59)
     */
    record Evaluation(List<Violation> motifs, VersionDecision decision, Map<String, Object> entrees) {

        public Evaluation {
            entrees = entrees == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entrees));
        }

        public Evaluation(List<Violation> motifs, VersionDecision decision) {
            this(motifs, decision, Map.of());
        }

        public boolean eligible() {
            return motifs.isEmpty();
        }

        /** The reasons as one text (« motif ; motif »). */
        public String texteMotifs() {
            return String.join(" ; ", motifs.stream().map(Violation::message).distinct().toList());
        }
    }
}
