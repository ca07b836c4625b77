package fr.gouv.fabriques.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Cockpit « Programme » plugin (README « Pilotage dans Cockpit ») is loaded by Cockpit, declares its three plugin points
 * and fetches nothing from elsewhere: agents' networks are closed, and server texts never become HTML.
 */
class PageProgrammeCockpitTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    private static String lire(String chemin) throws IOException {
        try (InputStream in = PageProgrammeCockpitTest.class.getClassLoader().getResourceAsStream(APP + chemin)) {
            assertThat(in).as(chemin).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void cockpitChargeLePluginEtSaFeuilleDeStyle() throws IOException {
        assertThat(InterfaceEnFrancaisTest.configuration("cockpit"))
                .containsPattern("customScripts\\s*:\\s*\\[[^\\]]*'\\.\\./fabriques/programme-cockpit'");
        assertThat(lire("cockpit/styles/user-styles.css")).contains("@import url(\"../../fabriques/programme-cockpit.css\")");
        assertThat(lire("fabriques/programme-cockpit.css")).contains(".fp-page");
    }

    @Test
    void lePluginDeclareLeTableauDeBordLaRouteEtLOnglet() throws IOException {
        String js = lire("fabriques/programme-cockpit.js");
        assertThat(js).contains("pluginPoint: 'cockpit.dashboard'", "pluginPoint: 'cockpit.route'", "pluginPoint: 'cockpit.navigation'",
                "path: '/programme'", "pagePath: '#/programme'", "const API = '/api/agents/pilotage'");
    }

    @Test
    void rienNeVientDAilleursEtAucunTexteNeDevientDuHtml() throws IOException {
        // The code, without its comments (which say what it never does).
        String js = lire("fabriques/programme-cockpit.js").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        // The only absolute URL is the SVG namespace, an identifier that is never fetched.
        assertThat(js.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "//cdn", "import(");
        assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        assertThat(lire("fabriques/programme-cockpit.css")).doesNotContain("http", "@import", "url(");
    }
}
