package fr.gouv.fabriques.application;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines of the lifecycle, as ISO-8601 durations (P15D, PT10M, P1Y…), read by
 * the BPMN timers and due dates. Policy values of « Le programme en bref » (README); change them in
 * application.yaml or the environment (FABRIQUES_DELAIS_SIGNATURECONVENTION=P90D).
 */
@ConfigurationProperties(prefix = "fabriques.delais")
public record Delais(
        /** The applicant's time to answer a completeness request. */
        @DefaultValue("P15D") String complements,
        /** The referent's time to give an opinion; instruction goes on without it afterwards. */
        @DefaultValue("P21D") String avisTerritorial,
        /** The laureate's time to sign the convention, else the grant lapses. */
        @DefaultValue("P60D") String signatureConvention,
        /** When the laureate is reminded to sign (before the lapse). */
        @DefaultValue("P45D") String rappelSignature,
        /** Time between two yearly payments (anniversaries of the State's signature). */
        @DefaultValue("P1Y") String periodeVersement,
        /** The applicant's time to correct an annual report. */
        @DefaultValue("P30D") String correctionsBilan,
        /**
         * The laureate's time to submit a year's report after the end of that year of the convention (its
         * anniversary; for the final report, the end of year 3); payments are suspended afterwards.
         */
        @DefaultValue("P6M") String depotBilan,
        /** How long before a report's deadline the laureate is reminded. */
        @DefaultValue("P30D") String rappelBilan,
        /** The time a suspended laureate is given to regularise its report, when the programme manager grants it. */
        @DefaultValue("P60D") String regularisationBilan,
        /** How long an agent has for a task that has no deadline of its own. */
        @DefaultValue("P10D") String traitement) {

    public Delais {
        for (String[] d : new String[][] {{"complements", complements}, {"avis-territorial", avisTerritorial},
                {"signature-convention", signatureConvention}, {"rappel-signature", rappelSignature},
                {"periode-versement", periodeVersement}, {"corrections-bilan", correctionsBilan}, {"depot-bilan", depotBilan}, {"rappel-bilan", rappelBilan}, {"regularisation-bilan", regularisationBilan},
                {"traitement", traitement}}) {
            verifier(d[0], d[1]);
        }
    }

    private static void verifier(String nom, String valeur) {
        try {
            parse(valeur);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("fabriques.delais." + nom + " doit être une durée ISO-8601 (ex. P15D, PT10M, P1Y) ; reçu : « "
                    + valeur + " »");
        }
    }

    /** P1Y, P2M, P15D (calendar) or PT10M, P1DT2H (exact). */
    public static java.time.temporal.TemporalAmount parse(String iso) {
        return iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
    }
}
