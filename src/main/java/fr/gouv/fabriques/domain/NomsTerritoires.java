package fr.gouv.fabriques.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * The names of the régions and départements by their INSEE code (COG), for the programme's geography; the codes come from
 * the dossiers (checked against the communes' referential at deposit).
 */
public final class NomsTerritoires {

    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("01", "Guadeloupe"), Map.entry("02", "Martinique"), Map.entry("03", "Guyane"), Map.entry("04", "La Réunion"),
            Map.entry("06", "Mayotte"), Map.entry("11", "Île-de-France"), Map.entry("24", "Centre-Val de Loire"),
            Map.entry("27", "Bourgogne-Franche-Comté"), Map.entry("28", "Normandie"), Map.entry("32", "Hauts-de-France"),
            Map.entry("44", "Grand Est"), Map.entry("52", "Pays de la Loire"), Map.entry("53", "Bretagne"),
            Map.entry("75", "Nouvelle-Aquitaine"), Map.entry("76", "Occitanie"), Map.entry("84", "Auvergne-Rhône-Alpes"),
            Map.entry("93", "Provence-Alpes-Côte d'Azur"), Map.entry("94", "Corse"));

    /** In the official order, 01 to 976 (2A and 2B for Corsica). */
    private static final String[] DEPARTEMENTS = {
        "01", "Ain", "02", "Aisne", "03", "Allier", "04", "Alpes-de-Haute-Provence", "05", "Hautes-Alpes", "06", "Alpes-Maritimes",
        "07", "Ardèche", "08", "Ardennes", "09", "Ariège", "10", "Aube", "11", "Aude", "12", "Aveyron", "13", "Bouches-du-Rhône",
        "14", "Calvados", "15", "Cantal", "16", "Charente", "17", "Charente-Maritime", "18", "Cher", "19", "Corrèze",
        "2A", "Corse-du-Sud", "2B", "Haute-Corse", "21", "Côte-d'Or", "22", "Côtes-d'Armor", "23", "Creuse", "24", "Dordogne",
        "25", "Doubs", "26", "Drôme", "27", "Eure", "28", "Eure-et-Loir", "29", "Finistère", "30", "Gard", "31", "Haute-Garonne",
        "32", "Gers", "33", "Gironde", "34", "Hérault", "35", "Ille-et-Vilaine", "36", "Indre", "37", "Indre-et-Loire", "38", "Isère",
        "39", "Jura", "40", "Landes", "41", "Loir-et-Cher", "42", "Loire", "43", "Haute-Loire", "44", "Loire-Atlantique",
        "45", "Loiret", "46", "Lot", "47", "Lot-et-Garonne", "48", "Lozère", "49", "Maine-et-Loire", "50", "Manche", "51", "Marne",
        "52", "Haute-Marne", "53", "Mayenne", "54", "Meurthe-et-Moselle", "55", "Meuse", "56", "Morbihan", "57", "Moselle",
        "58", "Nièvre", "59", "Nord", "60", "Oise", "61", "Orne", "62", "Pas-de-Calais", "63", "Puy-de-Dôme",
        "64", "Pyrénées-Atlantiques", "65", "Hautes-Pyrénées", "66", "Pyrénées-Orientales", "67", "Bas-Rhin", "68", "Haut-Rhin",
        "69", "Rhône", "70", "Haute-Saône", "71", "Saône-et-Loire", "72", "Sarthe", "73", "Savoie", "74", "Haute-Savoie",
        "75", "Paris", "76", "Seine-Maritime", "77", "Seine-et-Marne", "78", "Yvelines", "79", "Deux-Sèvres", "80", "Somme",
        "81", "Tarn", "82", "Tarn-et-Garonne", "83", "Var", "84", "Vaucluse", "85", "Vendée", "86", "Vienne", "87", "Haute-Vienne",
        "88", "Vosges", "89", "Yonne", "90", "Territoire de Belfort", "91", "Essonne", "92", "Hauts-de-Seine", "93", "Seine-Saint-Denis",
        "94", "Val-de-Marne", "95", "Val-d'Oise", "971", "Guadeloupe", "972", "Martinique", "973", "Guyane", "974", "La Réunion",
        "976", "Mayotte"};

    private static final Map<String, String> NOMS_DEPARTEMENTS = construire();

    private NomsTerritoires() {
    }

    private static Map<String, String> construire() {
        Map<String, String> noms = new HashMap<>();
        for (int i = 0; i < DEPARTEMENTS.length; i += 2) {
            noms.put(DEPARTEMENTS[i], DEPARTEMENTS[i + 1]);
        }
        return Map.copyOf(noms);
    }

    /** The région's name, or « région {code} » for a code this table does not know. */
    public static String region(String code) {
        return REGIONS.getOrDefault(code, "région " + code);
    }

    /** The département's name, or « département {code} » for a code this table does not know. */
    public static String departement(String code) {
        return NOMS_DEPARTEMENTS.getOrDefault(code, "département " + code);
    }

    /** How many départements are named: the 101 of the official geography. */
    static int nombreDepartements() {
        return NOMS_DEPARTEMENTS.size();
    }
}
