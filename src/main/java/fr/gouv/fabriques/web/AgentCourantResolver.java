package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method of /api/agents/** or /agents/** the {@link Agent} that {@link AuthentificationAgents} authenticated. */
class AgentCourantResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parametre) {
        return parametre.getParameterType() == Agent.class;
    }

    @Override
    public Agent resolveArgument(MethodParameter parametre, ModelAndViewContainer mav, NativeWebRequest requete,
            WebDataBinderFactory binder) {
        Object agent = requete.getAttribute(AuthentificationAgents.ATTRIBUT_AGENT, RequestAttributes.SCOPE_REQUEST);
        if (!(agent instanceof Agent a)) {
            // Only reachable if a controller outside /api/agents/** and /agents/** asks for the agent: a programming error.
            throw new IllegalStateException("Aucun agent authentifié pour " + parametre.getExecutable()
                    + " : ce point d'accès doit être sous /api/agents/ ou /agents/");
        }
        return a;
    }
}
