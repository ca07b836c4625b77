package fr.gouv.fabriques.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The answers' records are written by Jackson with their null fields ({@code "convention": null} until the convention
 * is drawn up): in the OpenAPI document, every property a schema does not list as required is therefore declared
 * {@code nullable}, so that a client generated from it, or a validator, accepts what the server really sends.
 */
@Component
class ChampsFacultatifsNullables implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> composants = api.getComponents().getSchemas();
        for (Schema<?> schema : composants.values()) {
            Map<String, Schema> proprietes = schema.getProperties();
            if (proprietes == null) {
                continue;
            }
            List<String> requis = schema.getRequired() == null ? List.of() : schema.getRequired();
            proprietes.forEach((nom, propriete) -> {
                if (requis.contains(nom)) {
                    return;
                }
                if (propriete.get$ref() != null) {
                    // OpenAPI 3.0 ignores the siblings of a $ref: the record it names is the one declared nullable
                    // (those records only ever appear as optional parts of an answer).
                    Schema<?> cible = composants.get(propriete.get$ref().substring(propriete.get$ref().lastIndexOf('/') + 1));
                    if (cible != null) {
                        cible.setNullable(true);
                    }
                } else {
                    propriete.setNullable(true);
                }
            });
        }
    }
}
