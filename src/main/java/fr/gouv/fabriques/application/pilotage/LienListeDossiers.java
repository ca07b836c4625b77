package fr.gouv.fabriques.application.pilotage;

import fr.gouv.fabriques.domain.StatutDossier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The link of the agents' dossier list ({@code /agents/dossiers}) filtered as a figure was counted. The parameters are
 * the list's: {@code statut} (names of {@link StatutDossier}, comma separated), {@code vague}, {@code appel},
 * {@code categorie}, {@code departement}, {@code region}. Immutable: each criterion returns a new filter.
 */
public final class LienListeDossiers {

    /** The statuses that hold a place of the quota (the programme's laureates): {@link StatutDossier#estFinance()}. */
    public static final Set<StatutDossier> LAUREATS = Arrays.stream(StatutDossier.values()).filter(StatutDossier::estFinance)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(StatutDossier.class)));

    private static final String PAGE = "/agents/dossiers";

    private final Map<String, String> criteres;

    private LienListeDossiers(Map<String, String> criteres) {
        this.criteres = criteres;
    }

    public static LienListeDossiers tous() {
        return new LienListeDossiers(new LinkedHashMap<>());
    }

    private LienListeDossiers avec(String nom, String valeur) {
        Map<String, String> c = new LinkedHashMap<>(criteres);
        if (valeur == null) {
            c.remove(nom);
        } else {
            c.put(nom, valeur);
        }
        return new LienListeDossiers(c);
    }

    public LienListeDossiers statuts(Set<StatutDossier> statuts) {
        // In the enum's order, whatever the set's: the same filter always gives the same link.
        return avec("statut", Arrays.stream(StatutDossier.values()).filter(statuts::contains).map(Enum::name)
                .collect(Collectors.joining(",")));
    }

    public LienListeDossiers statut(StatutDossier statut) {
        return statuts(EnumSet.of(statut));
    }

    public LienListeDossiers laureats() {
        return statuts(LAUREATS);
    }

    public LienListeDossiers vague(String code) {
        return avec("vague", code);
    }

    public LienListeDossiers appel(String appel) {
        return avec("appel", appel);
    }

    public LienListeDossiers categorie(String categorie) {
        return avec("categorie", categorie);
    }

    public LienListeDossiers departement(String code) {
        return avec("departement", code);
    }

    public LienListeDossiers region(String code) {
        return avec("region", code);
    }

    /** {@code /agents/dossiers?categorie=QPV&statut=LAUREAT,…}; the commas of a status list stay readable. */
    public String lien() {
        if (criteres.isEmpty()) {
            return PAGE;
        }
        return PAGE + "?" + criteres.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("%2C", ","))
                .collect(Collectors.joining("&"));
    }

    /** The page of one dossier for agents. */
    public static String fiche(String numero) {
        return PAGE + "/" + URLEncoder.encode(numero, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return lien();
    }
}
