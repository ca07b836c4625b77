package fr.gouv.fabriques.domain;

import java.util.Map;

/** The names of the 18 régions by their INSEE code (COG), for the programme's geography; the codes come from the dossiers. */
public final class Regions {

    private static final Map<String, String> NOMS = Map.ofEntries(
            Map.entry("01", "Guadeloupe"), Map.entry("02", "Martinique"), Map.entry("03", "Guyane"), Map.entry("04", "La Réunion"),
            Map.entry("06", "Mayotte"), Map.entry("11", "Île-de-France"), Map.entry("24", "Centre-Val de Loire"),
            Map.entry("27", "Bourgogne-Franche-Comté"), Map.entry("28", "Normandie"), Map.entry("32", "Hauts-de-France"),
            Map.entry("44", "Grand Est"), Map.entry("52", "Pays de la Loire"), Map.entry("53", "Bretagne"),
            Map.entry("75", "Nouvelle-Aquitaine"), Map.entry("76", "Occitanie"), Map.entry("84", "Auvergne-Rhône-Alpes"),
            Map.entry("93", "Provence-Alpes-Côte d'Azur"), Map.entry("94", "Corse"));

    private Regions() {
    }

    /** The région's name, or « région {code} » for a code this table does not know. */
    public static String nom(String code) {
        return NOMS.getOrDefault(code, "région " + code);
    }
}
