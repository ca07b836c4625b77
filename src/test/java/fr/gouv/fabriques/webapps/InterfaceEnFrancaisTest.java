package fr.gouv.fabriques.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and Welcome in French (README, « Interface en français »): every label
 * of Camunda's en.json (read from the webjar on the classpath) has its French translation in our
 * fr.json, keeping its {{ parameters }}; French is the default and fallback language of each
 * config.js; the application's copies of the webjar's files are the ones the webapps serve.
 */
class InterfaceEnFrancaisTest {

    static final String APP = "META-INF/resources/webjars/camunda/app/";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern PARAMETRE = Pattern.compile("\\{\\{.*?\\}\\}", Pattern.DOTALL);

    static List<URL> ressources(String chemin) {
        try {
            return Collections.list(InterfaceEnFrancaisTest.class.getClassLoader().getResources(chemin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean duWebjar(URL u) {
        return u.toString().contains("camunda-webapp-webjar");
    }

    static byte[] lire(URL u) {
        try (InputStream in = u.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(u.toString(), e);
        }
    }

    /** Camunda's English file, from the webjar (with its UTF-8 byte order mark, which Jackson skips). */
    static JsonNode anglais(String app) throws IOException {
        URL en = ressources(APP + app + "/locales/en.json").stream().filter(InterfaceEnFrancaisTest::duWebjar).findFirst()
                .orElseThrow(() -> new AssertionError("en.json de " + app + " absent du webjar"));
        return JSON.readTree(lire(en));
    }

    /** Our file, from the application's resources. */
    static JsonNode francais(String app) throws IOException {
        URL fr = ressources(APP + app + "/locales/fr.json").stream().filter(u -> !duWebjar(u)).findFirst()
                .orElseThrow(() -> new AssertionError(APP + app + "/locales/fr.json absent des ressources de l'application"));
        return JSON.readTree(lire(fr));
    }

    static Map<String, String> libelles(JsonNode fichier) {
        Map<String, String> libelles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fichier.path("labels").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            libelles.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null);
        }
        return libelles;
    }

    static List<String> parametres(String texte) {
        List<String> p = new ArrayList<>();
        Matcher m = PARAMETRE.matcher(texte);
        while (m.find()) {
            p.add(m.group().replaceAll("\\s+", ""));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chaqueLibelleAnglaisASaTraduction(String app) throws IOException {
        Map<String, String> en = libelles(anglais(app));
        Map<String, String> fr = libelles(francais(app));
        assertThat(en).as("libellés anglais de " + app).isNotEmpty();
        List<String> fautes = new ArrayList<>();
        en.forEach((cle, texte) -> {
            if (!fr.containsKey(cle)) {
                fautes.add("clé manquante : " + cle);
            } else if (fr.get(cle) == null) {
                fautes.add("valeur qui n'est pas un texte : " + cle);
            } else {
                List<String> francais = parametres(fr.get(cle));
                for (String p : parametres(texte)) {
                    if (!francais.contains(p)) {
                        fautes.add("paramètre " + p + " absent de la traduction : " + cle);
                    }
                }
            }
        });
        fr.keySet().stream().filter(cle -> !en.containsKey(cle)).forEach(cle -> fautes.add("clé en trop : " + cle));
        assertThat(fautes).as(app + "/locales/fr.json (python3 src/main/webapp-fr/assembler.py --manquants DOSSIER : libellés à traduire)")
                .isEmpty();
        assertThat(List.copyOf(fr.keySet())).as("fr.json de " + app + " dans l'ordre de en.json (assembler.py)")
                .isEqualTo(List.copyOf(en.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void lesDatesSontEnFrancaisSurVingtQuatreHeures(String app) throws IOException {
        JsonNode dates = francais(app).path("dateLocales");
        assertThat(dates.path("months")).hasSize(12);
        assertThat(dates.path("months").get(0).asText()).isEqualTo("janvier");
        assertThat(dates.path("monthsShort")).hasSize(12);
        assertThat(dates.path("weekdays")).hasSize(7);
        assertThat(dates.path("weekdays").get(0).asText()).as("moment.js : la semaine de weekdays commence le dimanche").isEqualTo("dimanche");
        assertThat(dates.path("weekdaysShort")).hasSize(7);
        assertThat(dates.path("weekdaysMin")).hasSize(7);
        assertThat(dates.path("week").path("dow").asInt()).as("la semaine commence le lundi").isEqualTo(1);
        assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("il y a %s");
        assertThat(dates.path("calendar").path("sameDay").asText()).contains("Aujourd");
        JsonNode formats = dates.path("longDateFormat");
        for (String f : List.of("LT", "L", "LL", "LLL", "LLLL")) {
            assertThat(formats.path(f).asText()).as(f).isNotEmpty().doesNotContain("A").doesNotContain("hh");
        }
        assertThat(formats.path("LT").asText()).isEqualTo("HH:mm");
        // Same keys as Camunda's English dateLocales (Welcome's en.json has none: Tasklist's).
        JsonNode anglaises = anglais("tasklist").path("dateLocales");
        for (Iterator<String> it = anglaises.fieldNames(); it.hasNext();) {
            String cle = it.next();
            assertThat(dates.has(cle)).as("dateLocales." + cle).isTrue();
            for (Iterator<String> sous = anglaises.path(cle).fieldNames(); sous.hasNext();) {
                String s = sous.next();
                assertThat(dates.path(cle).has(s)).as("dateLocales." + cle + "." + s).isTrue();
            }
        }
    }

    /** config.js, without its comments. */
    static String configuration(String app) {
        URL config = ressources(APP + app + "/scripts/config.js").get(0);
        String texte = new String(lire(config), StandardCharsets.UTF_8);
        return texte.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void leFrancaisEstLaLangueParDefautEtDeSecours(String app) {
        String config = configuration(app);
        assertThat(config).as(app + "/scripts/config.js")
                .containsPattern("availableLocales\\s*:\\s*\\[\\s*'fr'\\s*,\\s*'en'\\s*\\]")
                .containsPattern("fallbackLocale\\s*:\\s*'fr'")
                // The script that makes French win over the browser's language.
                .containsPattern("customScripts\\s*:\\s*\\[[^\\]]*'\\.\\./fabriques/langue'");
        assertThat(ressources(APP + "fabriques/langue.js")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chaqueEnTeteDitFabriquesDeTerritoireSansLeBandeauDeFinDeVie(String app) {
        assertThat(configuration(app)).containsPattern("vendor\\s*:\\s*'Fabriques de Territoire");
        String styles = new String(lire(ressources(APP + app + "/styles/user-styles.css").get(0)), StandardCharsets.UTF_8);
        assertThat(styles).contains("../../fabriques/fabriques.css");
        String communs = new String(lire(ressources(APP + "fabriques/fabriques.css").get(0)), StandardCharsets.UTF_8);
        assertThat(communs).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none;");
    }

    /**
     * The webapps read their files through {@code classpath:} (ClassLoader#getResource): the first
     * copy on the classpath wins. The application's resources come before the webjar's jar (here,
     * as under spring-boot:run and in the executable jar, BOOT-INF/classes before BOOT-INF/lib).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist/scripts/config.js", "tasklist/styles/user-styles.css", "cockpit/scripts/config.js",
        "cockpit/styles/user-styles.css", "admin/scripts/config.js", "admin/styles/user-styles.css",
        "welcome/scripts/config.js", "welcome/styles/user-styles.css"})
    void laCopieDeLApplicationPasseAvantCelleDuWebjar(String fichier) {
        List<URL> copies = ressources(APP + fichier);
        assertThat(copies).as(fichier + " : la copie de l'application et celle du webjar").hasSize(2);
        assertThat(duWebjar(copies.get(0))).as("copie servie : " + copies.get(0)).isFalse();
        assertThat(duWebjar(copies.get(1))).isTrue();
    }
}
