package fr.gouv.fabriques.process.identite;

/**
 * The validated identity settings: mode, and in production the administrator's id and
 * password. Built only through {@link #valider}, so that an instance is always safe to use.
 *
 * @param mode         demo or production
 * @param adminId      id of the technical administrator (group camunda-admin)
 * @param adminMotDePasse the administrator's password in production; {@code null} in demo
 *                     mode, where the demo password applies
 */
public record ConfigurationIdentite(ModeFonctionnement mode, String adminId, String adminMotDePasse) {

    /** Shorter passwords fall to an offline guess too quickly for an account that can do anything. */
    public static final int LONGUEUR_MINIMALE_MOT_DE_PASSE = 12;

    /** Name of the environment variable, repeated in every message so the operator knows what to set. */
    public static final String VARIABLE_MOT_DE_PASSE = "FABRIQUES_ADMIN_PASSWORD";

    /** Password of every demo account (the API contract (OpenAPI, README)); also refused for the production administrator. */
    public static final String MOT_DE_PASSE_DEMO = "demo";

    /** Id of the administrator among the demo accounts (the API contract (OpenAPI, README)); refused in production. */
    public static final String ADMIN_DEMO = "admin";

    /** Name of the environment variable of the production administrator's id. */
    public static final String VARIABLE_IDENTIFIANT = "FABRIQUES_ADMIN_ID";

    private static final String CONSIGNE_IDENTIFIANT = "Choisissez un identifiant propre à l'exploitation (par exemple "
            + "« exploitation-fabriques »), autre que « " + ADMIN_DEMO + " », et donnez-le dans " + VARIABLE_IDENTIFIANT + ".";

    public static ConfigurationIdentite valider(String mode, String adminId, String adminMotDePasse) {
        ModeFonctionnement modeLu = ModeFonctionnement.depuis(mode);
        if (modeLu == ModeFonctionnement.DEMO) {
            // The demo accounts, admin included, have the password « demo » (the API contract (OpenAPI, README));
            // fabriques.admin.* only governs production.
            return new ConfigurationIdentite(modeLu, ADMIN_DEMO, null);
        }
        if (adminId == null || adminId.isBlank()) {
            throw new ConfigurationIdentiteInvalideException(
                    "Mode production : l'identifiant de l'administrateur (fabriques.admin.id, variable "
                            + VARIABLE_IDENTIFIANT + ") est vide. " + CONSIGNE_IDENTIFIANT);
        }
        String id = adminId.trim();
        if (id.equalsIgnoreCase(ADMIN_DEMO)) {
            throw new ConfigurationIdentiteInvalideException(
                    "Mode production : l'identifiant de l'administrateur (fabriques.admin.id, variable "
                            + VARIABLE_IDENTIFIANT + ") vaut « " + id + " », l'identifiant de démonstration que tout le "
                            + "monde connaît : la moitié du travail d'un attaquant serait faite. " + CONSIGNE_IDENTIFIANT);
        }
        String prefixe = "Mode production : le mot de passe de l'administrateur « " + id + " » ";
        String consigne = " Définissez la variable d'environnement " + VARIABLE_MOT_DE_PASSE + " ("
                + LONGUEUR_MINIMALE_MOT_DE_PASSE + " caractères au moins, différent de l'identifiant).";
        if (adminMotDePasse == null || adminMotDePasse.isBlank()) {
            throw new ConfigurationIdentiteInvalideException(prefixe + "est absent." + consigne);
        }
        if (adminMotDePasse.trim().equalsIgnoreCase(id)) {
            throw new ConfigurationIdentiteInvalideException(
                    prefixe + "est égal à son identifiant." + consigne);
        }
        int longueur = adminMotDePasse.codePointCount(0, adminMotDePasse.length());
        if (longueur < LONGUEUR_MINIMALE_MOT_DE_PASSE) {
            throw new ConfigurationIdentiteInvalideException(
                    prefixe + "est trop court (" + longueur + " caractères)." + consigne);
        }
        return new ConfigurationIdentite(modeLu, id, adminMotDePasse);
    }

    public boolean demo() {
        return mode == ModeFonctionnement.DEMO;
    }

    /** Never print the password (logs, failure reports, debugger views). */
    @Override
    public String toString() {
        return "ConfigurationIdentite[mode=" + mode.valeur() + ", adminId=" + adminId
                + ", adminMotDePasse=" + (adminMotDePasse == null ? "absent" : "***") + "]";
    }
}
