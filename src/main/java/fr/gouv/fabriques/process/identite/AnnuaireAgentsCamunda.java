package fr.gouv.fabriques.process.identite;

import fr.gouv.fabriques.application.port.AnnuaireAgents;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/**
 * {@link AnnuaireAgents} backed by the engine's identity service.
 *
 * <p>A login uses {@code IdentityService.checkPassword}, the engine's own login attempt, on
 * purpose: unlike {@link VerificationMotDePasse} (a side-effect-free comparison, for the
 * start-up's « is the admin's password still its id? » probe), it counts failures and delays
 * the account (30 s at most, never locked for good: application.yaml), so that the programme
 * API cannot be used to guess an agent's password faster than Tasklist or /engine-rest allow.
 *
 * <p>Groups are always read afresh from the engine, never from what a session remembers.
 */
@Component
class AnnuaireAgentsCamunda implements AnnuaireAgents {

    /**
     * Where the Camunda webapps keep their logins in the HTTP session
     * ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, protected in 7.24). Read with a plain
     * {@code getAttribute}: {@code AuthenticationUtil.getAuthsFromSession} would create the
     * attribute when absent.
     */
    static final String ATTRIBUT_SESSION_WEBAPPS = "authenticatedUser";
    private static final int LONGUEUR_MAX = 128;

    private final ProcessEngine engine;
    private final IdentityService identites;

    AnnuaireAgentsCamunda(ProcessEngine engine) {
        this.engine = engine;
        this.identites = engine.getIdentityService();
    }

    @Override
    public Optional<Agent> authentifier(String identifiant, String motDePasse) {
        if (identifiant == null || identifiant.isBlank() || identifiant.length() > LONGUEUR_MAX || motDePasse == null
                || motDePasse.length() > LONGUEUR_MAX) {
            return Optional.empty();
        }
        if (!identites.checkPassword(identifiant, motDePasse)) {
            return Optional.empty();
        }
        return agent(identifiant);
    }

    @Override
    public Optional<Agent> agentDeSession(Function<String, Object> attributSession) {
        if (!(attributSession.apply(ATTRIBUT_SESSION_WEBAPPS) instanceof Authentications connexions)) {
            return Optional.empty();
        }
        Authentication connexion = connexions.getAuthenticationForProcessEngine(engine.getName());
        if (connexion == null || connexion.getIdentityId() == null) {
            return Optional.empty();
        }
        return agent(connexion.getIdentityId());
    }

    @Override
    public Optional<String> jetonAntiFalsification(Function<String, Object> attributSession) {
        return attributSession.apply(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String jeton && !jeton.isBlank()
                ? Optional.of(jeton) : Optional.empty();
    }

    private Optional<Agent> agent(String id) {
        if (identites.createUserQuery().userId(id).count() != 1) {
            return Optional.empty();
        }
        return Optional.of(new Agent(id, identites.createGroupQuery().groupMember(id).list().stream()
                .map(Group::getId).collect(Collectors.toSet())));
    }
}
