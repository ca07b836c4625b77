package fr.gouv.fabriques.web;

/** The applicant's bearer token was missing, malformed, or does not open this dossier. */
class JetonPorteur {

    static final String SCHEMA = "Bearer ";

    private JetonPorteur() {
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String extraire(String entete) {
        if (entete == null || !entete.regionMatches(true, 0, SCHEMA, 0, SCHEMA.length())) {
            return null;
        }
        String jeton = entete.substring(SCHEMA.length()).strip();
        return jeton.isEmpty() || jeton.length() > 200 ? null : jeton;
    }
}
