package fr.gouv.fabriques.application.notification;

import fr.gouv.fabriques.application.port.TypeEvenement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the applicants' mails, one file per kind of step under
 * {@code src/main/resources/notifications/} (DEPOT.txt, DEMANDE_COMPLEMENTS.txt…), which
 * analysts edit: a first line « Objet : … », a blank line, the body; {@code pied.txt} ends
 * every body; {@code defaut.txt} serves a step that has no file of its own. Placeholders
 * are {@code {nom}} from {@link #VARIABLES}. Files are read and checked once, at start-up:
 * a typo in a placeholder stops the start-up instead of failing a step later.
 */
public final class ModelesCourriels {

    /** What a template may use. */
    public static final Set<String> VARIABLES = Set.of(
            "numero",               // dossier number, FDT-2026-0001
            "structure",            // raison sociale
            "projet",               // name of the place
            "contact",              // the applicant's contact person
            "vague",                // wave code
            "etape",                // the text of the step, as in the dossier's timeline (reasons, pieces, motivation…)
            "date",                 // date of the step, « 3 mars 2026 à 14h05 » (Europe/Paris)
            "lienSuivi",            // URL of GET /api/dossiers/{numero}
            "echeanceComplements",  // date of the step + fabriques.delais.complements
            "echeanceSignature");   // date of the step + fabriques.delais.signature-convention

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String OBJET = "Objet :";

    private final Map<TypeEvenement, Modele> parType;
    private final Modele defaut;
    private final String pied;

    private ModelesCourriels(Map<TypeEvenement, Modele> parType, Modele defaut, String pied) {
        this.parType = parType;
        this.defaut = defaut;
        this.pied = pied;
    }

    /** Reads {@code dossier/TYPE.txt}, {@code dossier/defaut.txt} and {@code dossier/pied.txt} from the classpath. */
    public static ModelesCourriels depuisClasspath(String dossier) {
        Map<TypeEvenement, Modele> parType = new EnumMap<>(TypeEvenement.class);
        for (TypeEvenement type : TypeEvenement.values()) {
            String nom = dossier + "/" + type.name() + ".txt";
            String texte = lire(nom, false);
            if (texte != null) {
                parType.put(type, Modele.lire(nom, texte));
            }
        }
        String nomDefaut = dossier + "/defaut.txt";
        String nomPied = dossier + "/pied.txt";
        return new ModelesCourriels(parType, Modele.lire(nomDefaut, lire(nomDefaut, true)), Modele.corps(nomPied, lire(nomPied, true)));
    }

    public boolean aUnModelePropre(TypeEvenement type) {
        return parType.containsKey(type);
    }

    /** The subject and body of the mail announcing a step; every variable of {@link #VARIABLES} must be given. */
    public CourrielRedige rediger(TypeEvenement type, Map<String, String> valeurs) {
        Set<String> manquantes = new LinkedHashSet<>(VARIABLES);
        manquantes.removeAll(valeurs.keySet());
        if (!manquantes.isEmpty()) {
            throw new IllegalArgumentException("valeurs manquantes pour les modèles de courriel : " + manquantes);
        }
        Modele modele = parType.getOrDefault(type, defaut);
        // One line, whatever the values hold: a line break in a header would end it.
        String sujet = remplacer(modele.sujet(), valeurs).replaceAll("\\s+", " ").strip();
        String corps = remplacer(modele.corps(), valeurs) + "\n\n" + remplacer(pied, valeurs) + "\n";
        return new CourrielRedige(sujet, corps);
    }

    public record CourrielRedige(String sujet, String corps) {
    }

    /** One pass: a value that contains « {x} » is left as it is. */
    private static String remplacer(String modele, Map<String, String> valeurs) {
        Matcher m = VARIABLE.matcher(modele);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(valeurs.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    record Modele(String sujet, String corps) {

        /** « Objet : … », then the body after a blank line; lines starting with # before the subject are comments. */
        static Modele lire(String nom, String texte) {
            List<String> lignes = new ArrayList<>(texte.replace("\r\n", "\n").lines().toList());
            while (!lignes.isEmpty() && (lignes.get(0).isBlank() || lignes.get(0).startsWith("#"))) {
                lignes.remove(0);
            }
            if (lignes.isEmpty() || !lignes.get(0).startsWith(OBJET)) {
                throw new IllegalStateException("Modèle de courriel " + nom + " : la première ligne doit commencer par « " + OBJET + " »");
            }
            String sujet = lignes.remove(0).substring(OBJET.length()).strip();
            if (sujet.isEmpty()) {
                throw new IllegalStateException("Modèle de courriel " + nom + " : l'objet est vide");
            }
            verifierVariables(nom, sujet);
            return new Modele(sujet, corps(nom, String.join("\n", lignes)));
        }

        static String corps(String nom, String texte) {
            List<String> lignes = new ArrayList<>(texte.replace("\r\n", "\n").lines().toList());
            while (!lignes.isEmpty() && (lignes.get(0).isBlank() || lignes.get(0).startsWith("#"))) {
                lignes.remove(0);
            }
            String corps = String.join("\n", lignes).stripTrailing();
            if (corps.isBlank()) {
                throw new IllegalStateException("Modèle de courriel " + nom + " : le texte est vide");
            }
            verifierVariables(nom, corps);
            return corps;
        }

        private static void verifierVariables(String nom, String texte) {
            Matcher m = VARIABLE.matcher(texte);
            while (m.find()) {
                if (!VARIABLES.contains(m.group(1))) {
                    throw new IllegalStateException("Modèle de courriel " + nom + " : variable inconnue {" + m.group(1)
                            + "} ; variables possibles : " + VARIABLES.stream().sorted().toList());
                }
            }
        }
    }

    private static String lire(String nom, boolean obligatoire) {
        try (InputStream in = ModelesCourriels.class.getClassLoader().getResourceAsStream(nom)) {
            if (in == null) {
                if (obligatoire) {
                    throw new IllegalStateException("Modèle de courriel introuvable dans le classpath : " + nom);
                }
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture du modèle de courriel " + nom, e);
        }
    }
}
