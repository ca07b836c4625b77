package fr.gouv.fabriques.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The deposit body as the OpenAPI document describes it: every field, with the format rules of
 * {@code application/depot/ValidateurDepot} written as schema constraints, so that an integrator's tooling checks a
 * deposit before sending it. The server does not bind to these records: {@link LecteurDepot} reads the JSON itself, so
 * that every wrong field gets its own French line in the 422 (a binder stops at the first type error). The rules of the
 * programme (amounts, category and place, legal form admitted) are in the eligibility table and are not repeated here;
 * {@code OpenApiIT} checks that the examples of the README and of src/test/resources/exemples conform to this schema, and
 * that a body the schema refuses is refused by the server too.
 */
final class ContratDepot {

    private ContratDepot() {
    }

    @Schema(name = "Depot", description = "Une candidature : la structure, son contact, le projet et les montants demandés par année. "
            + "Aucun autre champ n'est admis (422 « champ inconnu »).", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Depot(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FABRIQUES_TERRITOIRE", "FABRIQUES_NUMERIQUES"},
                    description = "L'appel à manifestation d'intérêt") String appel,
            @Schema(description = "Code de la vague ; omis, la vague ouverte de l'appel", minLength = 1, maxLength = 32,
                    example = "FDT-2026-T1") String vague,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"HORS_GRANDS_CENTRES", "QPV", "NUMERIQUE_QPV"},
                    description = "La catégorie ; NUMERIQUE_QPV relève de l'appel FABRIQUES_NUMERIQUES, les autres de FABRIQUES_TERRITOIRE") String categorie,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Structure structure,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Contact contact,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Projet projet,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Montants montantsDemandes) {
    }

    @Schema(name = "DepotStructure", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Structure(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 200, example = "Association La Fabrique du Val") String raisonSociale,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^\\d{14}$",
                    description = "14 chiffres, clé de Luhn (La Poste : somme des chiffres divisible par 5)", example = "73282932000074") String siret,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ASSOCIATION", "SCIC", "SCOP", "SOCIETE", "FONDATION", "GIP",
                "GIE", "COLLECTIVITE", "EPCI", "SYNDICAT_MIXTE", "ETABLISSEMENT_PUBLIC", "ENTREPRISE_INDIVIDUELLE"},
                    description = "Les formes admises par le programme sont dans la table d'éligibilité (une entreprise individuelle est refusée)") String formeJuridique,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Adresse adresse,
            @Schema(nullable = true, pattern = "^(QP(\\d{3}|02[AB]|97[1-6])\\d{3}|QN[0-9A-Z]{7})$",
                    description = "Code du quartier prioritaire (obligatoire pour QPV et NUMERIQUE_QPV) : QP + département + 3 chiffres (2015) ou QN + 7 caractères (2024)",
                    example = "QP075001") String codeQpv) {
    }

    @Schema(name = "DepotAdresse", description = "Vérifiée contre le référentiel des communes (code INSEE, département, région, code postal)",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Adresse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 3, maxLength = 200, example = "12 rue des Forges") String ligne,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^\\d{5}$", example = "58000") String codePostal,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 100, example = "Nevers") String commune,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^(\\d{5}|2[AB]\\d{3})$", example = "58194") String codeInsee,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^(0[1-9]|[1-8]\\d|9[0-5]|2A|2B|97[1-6])$", example = "58") String departement,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^\\d{2}$", description = "Code de région INSEE", example = "27") String region) {
    }

    @Schema(name = "DepotContact", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Contact(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 100, example = "Camille Martin") String nom,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254, example = "camille@fabrique-du-val.fr") String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "10 chiffres commençant par 0, ou +33 (ou indicatif d'outre-mer) suivi de 9 chiffres ; espaces, points et tirets admis",
                    pattern = "^[0-9+][0-9 .-]{8,16}$", example = "0386000000") String telephone) {
    }

    @Schema(name = "DepotProjet", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Projet(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 200, example = "La Fabrique du Val") String nom,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 20, maxLength = 5000) String description,
            @ArraySchema(minItems = 1, maxItems = 30, schema = @Schema(pattern = "^[A-Z][A-Z0-9_]{1,49}$", example = "COWORKING"),
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            description = "Services offerts, en majuscules sans accent (COWORKING, FABLAB, ATELIER_PARTAGE, MEDIATION_NUMERIQUE…)"))
            List<String> services,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 2000) String partenaires,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 2000) String gouvernance,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100",
                    description = "Emplois financés en équivalent temps plein, deux décimales au plus", example = "1.5") BigDecimal etpFinances) {
    }

    @Schema(name = "DepotMontants", description = "Montants demandés par année de convention, en euros entiers. Les bornes du programme "
            + "(75 000 € à 150 000 € sur 3 ans, 50 000 € par an au plus) sont jugées par la table d'éligibilité.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Montants(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", example = "50000") Integer annee1,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", example = "50000") Integer annee2,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", example = "40000") Integer annee3) {
    }

    @Schema(name = "DepotCree", description = "Le dossier créé. Le jeton n'est montré qu'une fois : il donne accès au dossier (Authorization: Bearer).")
    record DepotCree(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FDT-2026-0001") String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String jetonAcces,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEPOSE") String statut,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FDT-2026-T1") String vague) {
    }

    @Schema(name = "StatutApresAction", description = "Le dossier et son statut après l'action")
    record StatutApresAction(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String statut) {
    }

    @Schema(name = "StatutFinal", description = "Le dossier, son statut final et son libellé")
    record StatutFinal(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "RETIRE") String statut,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "retiré par le porteur") String libelle) {
    }

    @Schema(name = "DocumentSigne", description = "Le fichier signé enregistré")
    record DocumentSigne(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-f]{64}$") String sha256,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Taille en octets") long taille,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String signataire) {
    }

    @Schema(name = "ConventionSignee")
    record ConventionSignee(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String statut,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DocumentSigne conventionSignee) {
    }

    @Schema(name = "AvenantSigne")
    record AvenantSigne(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Numéro de l'avenant") int avenant,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String etat,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SignatureAvenant avenantSigne) {
    }

    @Schema(name = "SignatureAvenant", description = "L'avenant signé enregistré")
    record SignatureAvenant(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-f]{64}$") String sha256,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String signataire) {
    }

    @Schema(name = "BilanDepose")
    record BilanDepose(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String numero,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int annee,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEPOSE") String statut) {
    }

    @Schema(name = "DecisionsEnregistrees")
    record DecisionsEnregistrees(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String vague,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int decisionsEnregistrees) {
    }
}
