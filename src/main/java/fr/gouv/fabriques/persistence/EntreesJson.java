package fr.gouv.fabriques.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inputs of a DMN evaluation (variable → string, number, boolean or null) as a JSON object, and back. */
final class EntreesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntreesJson() {
    }

    static String ecrire(Map<String, Object> entrees) {
        try {
            return JSON.writeValueAsString(entrees);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Entrées de la table d'éligibilité non sérialisables", e);
        }
    }

    static Map<String, Object> lire(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Entrées de la table d'éligibilité illisibles en base", e);
        }
    }
}
