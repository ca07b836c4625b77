package fr.gouv.fabriques.application.liste;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.StatutDossier;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Which dossiers an agent asks for (README « Tous les dossiers et exports »): every set is « any
 * of » (empty: no filter), the sets are combined with « and ». {@code departementsAutorises} is not
 * the agent's choice but his reach: null for the national teams, the départements of his
 * {@code referents-NN} groups for a territorial referent.
 *
 * @param avisReferent referent's opinions ({@code FAVORABLE}, {@code RESERVE}, {@code DEFAVORABLE}) or
 *        {@link #AVIS_ABSENT} for an absence the instructors recorded
 * @param recommandation the instruction's recommendation ({@code FAVORABLE}, {@code RESERVE}, {@code DEFAVORABLE})
 * @param texte words searched in the structure's name, its SIRET or the dossier's number; null for none
 */
public record FiltreDossiers(Set<StatutDossier> statuts, Set<String> vagues, Set<Appel> appels, Set<Categorie> categories,
        Set<String> departements, Set<String> regions, Set<String> avisReferent, Set<String> recommandations, String texte,
        Set<String> departementsAutorises) {

    /** The value of {@code avisReferent} for « no opinion given in time » (absence recorded). */
    public static final String AVIS_ABSENT = "ABSENT";

    public FiltreDossiers {
        statuts = Set.copyOf(statuts);
        vagues = Set.copyOf(vagues);
        appels = Set.copyOf(appels);
        categories = Set.copyOf(categories);
        departements = Set.copyOf(departements);
        regions = Set.copyOf(regions);
        avisReferent = Set.copyOf(avisReferent);
        recommandations = Set.copyOf(recommandations);
        texte = texte == null || texte.isBlank() ? null : texte.strip();
        departementsAutorises = departementsAutorises == null ? null : Set.copyOf(departementsAutorises);
    }

    /** No filter at all, for the national teams. */
    public static FiltreDossiers aucun() {
        return new FiltreDossiers(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null);
    }

    /** The same filter within the départements an agent reaches (null: all). */
    public FiltreDossiers dans(Set<String> autorises) {
        return new FiltreDossiers(statuts, vagues, appels, categories, departements, regions, avisReferent, recommandations, texte,
                autorises);
    }

    /**
     * The searched text as the database's {@code dossier.recherche} column holds it (V50): lower case,
     * accents removed, œ and æ spelt out; a SIRET typed with spaces (« 732 829 320 00074 ») loses them.
     */
    public String texteNormalise() {
        if (texte == null) {
            return null;
        }
        String t = texte.matches("[0-9 ]+") ? texte.replace(" ", "") : texte;
        return normaliser(t);
    }

    /** Lower case, without diacritics: « Écluse » and « ecluse » match (same rule as migration V50). */
    public static String normaliser(String texte) {
        String minuscules = texte.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        return Normalizer.normalize(minuscules, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
