package fr.gouv.fabriques.domain;

import java.math.BigDecimal;
import java.util.List;

/** What the Fabrique is and does. */
public record Projet(String nom, String description, List<String> services, String partenaires, String gouvernance,
        BigDecimal etpFinances) {

    public Projet {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
