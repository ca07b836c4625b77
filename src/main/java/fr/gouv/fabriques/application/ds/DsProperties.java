package fr.gouv.fabriques.application.ds;

import fr.gouv.fabriques.application.notification.PolitiqueRelance;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fabriques.ds.*} (README « démarches-simplifiées »). The API token is NOT here: it is read from the environment
 * variable {@code FABRIQUES_DS_JETON} only, so that it never sits in a file; without it (and without the simulator) the
 * connector is off.
 *
 * @param urlBase       the DS instance (national one by default); the API is {@code {urlBase}/api/v2/graphql}
 * @param instructeurId global ID of the instructor account the token acts for (mutations' {@code instructeurId})
 * @param demarches     per call ({@code FABRIQUES_TERRITOIRE}, {@code FABRIQUES_NUMERIQUES}): procedure number and mapping file
 * @param intervalle    polling period
 * @param courriels     whether our e-mails also go to applicants of DS dossiers (they get DS messages anyway)
 * @param simulateur    demo mode only ({@code FABRIQUES_DS_SIMULATEUR=true}): start the DS simulator on 127.0.0.1 and connect to it;
 *                      {@code simulateurExemples}: with its dozen sample dossiers; {@code simulateurPort}: 0 for any free port
 */
@ConfigurationProperties(prefix = "fabriques.ds")
public record DsProperties(
        @DefaultValue("https://www.demarches-simplifiees.fr") String urlBase,
        @DefaultValue("") String instructeurId,
        Map<String, Demarche> demarches,
        @DefaultValue("PT5M") Duration intervalle,
        @DefaultValue("PT30S") Duration delaiRequete,
        @DefaultValue("100") int taillePage,
        @DefaultValue("true") boolean courriels,
        @DefaultValue("false") boolean simulateur,
        @DefaultValue("true") boolean simulateurExemples,
        @DefaultValue("0") int simulateurPort,
        @DefaultValue Envoi envoi,
        @DefaultValue Webhook webhook) {

    public DsProperties {
        demarches = demarches == null ? Map.of() : demarches;
    }

    /** @param correspondance the field mapping (classpath: or file: resource); the call's default file when empty */
    public record Demarche(Integer numero, String correspondance) {
    }

    /** Write-back outbox: batch, lease, retries with doubling waits. */
    public record Envoi(@DefaultValue("true") boolean automatique, @DefaultValue("PT10S") Duration intervalle, @DefaultValue("20") int tailleLot,
            @DefaultValue("PT5M") Duration bail, @DefaultValue("15") int tentativesMax, @DefaultValue("PT30S") Duration delaiRelanceInitial,
            @DefaultValue("PT1H") Duration delaiRelanceMax) {

        public PolitiqueRelance politique() {
            return new PolitiqueRelance(tentativesMax, delaiRelanceInitial, delaiRelanceMax);
        }
    }

    /** Webhook hints accepted (all senders together) per period; beyond, 429. */
    public record Webhook(@DefaultValue("120") int capacite, @DefaultValue("PT1M") Duration periode) {
    }
}
