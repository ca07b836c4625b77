package fr.gouv.fabriques.process.identite;

import java.util.List;

/** One local demo account of the API contract (OpenAPI, README). */
public record CompteDemo(String id, String prenom, String nom, List<String> groupes) {

    public String email() {
        return id + "@demo.fabriques.local";
    }
}
