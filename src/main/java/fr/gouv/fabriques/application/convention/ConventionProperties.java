package fr.gouv.fabriques.application.convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The convention document (README « Convention (PDF) »): who signs for the State, and where the
 * template is read (a {@code classpath:} or {@code file:} location, so that a deployment may use
 * its own wording without a new release), and the amendments' template. FABRIQUES_CONVENTION_REPRESENTANTETAT,
 * FABRIQUES_CONVENTION_MODELE, FABRIQUES_CONVENTION_MODELEAVENANT.
 */
@ConfigurationProperties(prefix = "fabriques.convention")
public record ConventionProperties(
        @DefaultValue("le ministre chargé de la cohésion des territoires, ou son délégué") String representantEtat,
        @DefaultValue("classpath:convention/modele-convention.txt") String modele,
        @DefaultValue("classpath:convention/modele-avenant.txt") String modeleAvenant) {

    @ConstructorBinding
    public ConventionProperties {
        if (representantEtat == null || representantEtat.isBlank()) {
            throw new IllegalArgumentException("fabriques.convention.representant-etat : indiquez qui représente l'État dans la convention");
        }
    }

    /** With the default amendment template. */
    public ConventionProperties(String representantEtat, String modele) {
        this(representantEtat, modele, "classpath:convention/modele-avenant.txt");
    }
}
