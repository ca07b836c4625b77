package fr.gouv.fabriques.web;

import fr.gouv.fabriques.domain.CaracteresControle;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The text parameters of a request — the text parts of a multipart upload ({@code categorie},
 * {@code signataire}, {@code commentaire}…) and the query string — checked for control
 * characters before the controller runs: 422 naming each parameter, nothing written. The JSON
 * bodies are checked by {@link CorpsJson}.
 */
class ParametresTexte implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest requete, HttpServletResponse reponse, Object handler) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, String[]> p : new TreeMap<>(requete.getParameterMap()).entrySet()) {
            String nom = p.getKey();
            if (CaracteresControle.premier(nom) >= 0) {
                CaracteresControle.verifier("$", nom).map(v -> new Violation(v.champ(), "nom de paramètre : " + v.message()))
                        .ifPresent(violations::add);
                continue;
            }
            String[] valeurs = p.getValue();
            for (int i = 0; i < valeurs.length; i++) {
                CaracteresControle.verifier(valeurs.length > 1 ? nom + "[" + i + "]" : nom, valeurs[i]).ifPresent(violations::add);
            }
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        return true;
    }
}
