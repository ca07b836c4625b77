package fr.gouv.fabriques.application.opendata;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open data file of the grants (README « Données ouvertes »): who awards them, as the SCDL
 * « subventions » schema names it (nomAttribuant, idAttribuant: the awarding body's SIRET), the
 * identifier of the aid scheme in the « dispositifs d'aide » schema if one is published, and the
 * publication threshold of décret n° 2017-779 (grants above it must be published).
 * FABRIQUES_OPENDATA_NOMATTRIBUANT, FABRIQUES_OPENDATA_IDATTRIBUANT, FABRIQUES_OPENDATA_DISPOSITIFAIDE.
 */
@ConfigurationProperties(prefix = "fabriques.opendata")
public record OpenDataProperties(
        @DefaultValue("Agence nationale de la cohésion des territoires") String nomAttribuant,
        @DefaultValue("13002603200016") String idAttribuant,
        @DefaultValue("") String dispositifAide,
        @DefaultValue("23000") BigDecimal seuilPublication) {

    public OpenDataProperties {
        if (nomAttribuant == null || nomAttribuant.isBlank()) {
            throw new IllegalArgumentException("fabriques.opendata.nom-attribuant : le nom officiel de l'organisme qui attribue les subventions est obligatoire");
        }
        if (idAttribuant == null || !idAttribuant.matches("\\d{14}")) {
            throw new IllegalArgumentException("fabriques.opendata.id-attribuant : le SIRET de l'attribuant doit compter 14 chiffres (reçu : « "
                    + idAttribuant + " »)");
        }
        if (seuilPublication == null || seuilPublication.signum() < 0) {
            throw new IllegalArgumentException("fabriques.opendata.seuil-publication : montant en euros, positif ou nul");
        }
        nomAttribuant = nomAttribuant.strip();
        dispositifAide = dispositifAide == null ? "" : dispositifAide.strip();
    }
}
