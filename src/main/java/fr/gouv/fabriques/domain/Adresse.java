package fr.gouv.fabriques.domain;

/** Postal address of the place, with the official codes (INSEE/COG) of commune, département, région. */
public record Adresse(String ligne, String codePostal, String commune, String codeInsee, String departement, String region) {
}
