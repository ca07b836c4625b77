package fr.gouv.fabriques.application.port;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The programme's agents (Camunda users and their groups): who is calling the agents'
 * API. Applicants are not agents: they reach their dossier with its access token.
 */
public interface AnnuaireAgents {

    /** An authenticated agent and the groups he belongs to (doc/programme.md « Les rôles »). */
    record Agent(String id, Set<String> groupes) {
        public Agent {
            Objects.requireNonNull(id);
            groupes = Set.copyOf(groupes);
        }

        public boolean appartientAUnDe(Collection<String> autorises) {
            return autorises.stream().anyMatch(groupes::contains);
        }
    }

    /**
     * A login: the agent if the password is his. A wrong password counts as a failed login
     * attempt of that account (the engine delays, then locks it, as for Tasklist).
     */
    Optional<Agent> authentifier(String identifiant, String motDePasse);

    /**
     * The agent already signed in to the Camunda webapps (Tasklist…) in the caller's HTTP
     * session, read through that session's attributes; empty when nobody is signed in.
     */
    Optional<Agent> agentDeSession(Function<String, Object> attributSession);

    /**
     * The anti-forgery token the Camunda webapps hold in that session (their scripts send it in
     * {@code X-XSRF-TOKEN}, read from the {@code XSRF-TOKEN} cookie): a page of another site
     * cannot read it, so a request carrying it comes from the webapps' own pages.
     */
    Optional<String> jetonAntiFalsification(Function<String, Object> attributSession);
}
