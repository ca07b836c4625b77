package fr.gouv.fabriques.application.depot;

import java.math.BigDecimal;
import java.util.List;

/**
 * A deposit as the applicant sent it (the API contract (OpenAPI, README)), before validation: every field may be
 * missing. {@link ValidateurDepot} says what is wrong with it, field by field.
 */
public record DemandeDepot(String appel, String vague, String categorie, StructureDemandee structure, ContactDemande contact,
        ProjetDemande projet, MontantsDemandes montantsDemandes) {

    public record StructureDemandee(String raisonSociale, String siret, String formeJuridique, AdresseDemandee adresse,
            String codeQpv) {
    }

    public record AdresseDemandee(String ligne, String codePostal, String commune, String codeInsee, String departement,
            String region) {
    }

    public record ContactDemande(String nom, String email, String telephone) {
    }

    public record ProjetDemande(String nom, String description, List<String> services, String partenaires,
            String gouvernance, BigDecimal etpFinances) {
    }

    public record MontantsDemandes(Integer annee1, Integer annee2, Integer annee3) {
    }
}
