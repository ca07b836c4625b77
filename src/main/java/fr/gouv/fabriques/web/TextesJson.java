package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.domain.CaracteresControle;
import fr.gouv.fabriques.domain.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every text of a JSON document, values and field names, at any depth, checked for control
 * characters ({@link CaracteresControle}); each fault named by its path as the client wrote it
 * ({@code structure.adresse.ligne}, {@code projet.services[2]}, {@code [0].motivation}).
 */
final class TextesJson {

    private TextesJson() {
    }

    static List<Violation> caracteresInterdits(JsonNode racine) {
        List<Violation> violations = new ArrayList<>();
        parcourir(racine, "", violations);
        return violations;
    }

    private static void parcourir(JsonNode n, String chemin, List<Violation> violations) {
        if (n == null) {
            return;
        }
        if (n.isTextual()) {
            CaracteresControle.verifier(chemin.isEmpty() ? "$" : chemin, n.textValue()).ifPresent(violations::add);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                parcourir(n.get(i), chemin + "[" + i + "]", violations);
            }
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> champs = n.fields();
            while (champs.hasNext()) {
                Map.Entry<String, JsonNode> champ = champs.next();
                String nom = champ.getKey();
                if (CaracteresControle.premier(nom) >= 0) {
                    // The name itself cannot be quoted back as a path: say where it is and what is wrong.
                    CaracteresControle.verifier(chemin.isEmpty() ? "$" : chemin, nom)
                            .map(v -> new Violation(v.champ(), "nom de champ : " + v.message())).ifPresent(violations::add);
                    continue;
                }
                parcourir(champ.getValue(), chemin.isEmpty() ? nom : chemin + "." + nom, violations);
            }
        }
    }
}
