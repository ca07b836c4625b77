package fr.gouv.fabriques.securite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientHttpTest {

    private static MockHttpServletRequest requete(String... entetes) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/agents/vagues");
        r.setScheme("https");
        r.setServerName("fabriques.example.gouv.fr");
        r.setServerPort(443);
        for (int i = 0; i < entetes.length; i += 2) {
            r.addHeader(entetes[i], entetes[i + 1]);
        }
        return r;
    }

    @Test
    void uneAdresseIpv6CompteParSonReseauSlash64() {
        MockHttpServletRequest a = requete();
        a.setRemoteAddr("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        MockHttpServletRequest b = requete();
        b.setRemoteAddr("2001:db8:1:2::1");
        assertThat(ClientHttp.adresse(a)).isEqualTo(ClientHttp.adresse(b)).endsWith("/64");
        MockHttpServletRequest c = requete();
        c.setRemoteAddr("2001:db8:1:3::1");
        assertThat(ClientHttp.adresse(c)).isNotEqualTo(ClientHttp.adresse(a));
        MockHttpServletRequest v4 = requete();
        v4.setRemoteAddr("192.0.2.10");
        assertThat(ClientHttp.adresse(v4)).isEqualTo("192.0.2.10");
    }

    @Test
    void unNavigateurSeReconnaitASesEntetes() {
        assertThat(ClientHttp.navigateur(requete())).isFalse();
        assertThat(ClientHttp.navigateur(requete("Accept", "application/json"))).isFalse();
        assertThat(ClientHttp.navigateur(requete("Accept", "*/*"))).isFalse();
        assertThat(ClientHttp.navigateur(requete("Accept", "text/html,application/xhtml+xml"))).isTrue();
        assertThat(ClientHttp.navigateur(requete("Sec-Fetch-Mode", "cors"))).isTrue();
        assertThat(ClientHttp.navigateur(requete("X-Requested-With", "XMLHttpRequest"))).isTrue();
    }

    @Test
    void memeOrigineOuAutreSite() {
        assertThat(ClientHttp.autreSite(requete())).isFalse();
        assertThat(ClientHttp.autreSite(requete("Origin", "https://fabriques.example.gouv.fr"))).isFalse();
        assertThat(ClientHttp.autreSite(requete("Origin", "https://FABRIQUES.example.gouv.fr:443"))).isFalse();
        assertThat(ClientHttp.origineIdentique(requete("Origin", "https://fabriques.example.gouv.fr"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Origin", "http://fabriques.example.gouv.fr"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Origin", "https://fabriques.example.gouv.fr:8443"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Origin", "https://fabriques.example.gouv.fr.attaque.example"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Origin", "null"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Sec-Fetch-Site", "same-site"))).isTrue();
        assertThat(ClientHttp.autreSite(requete("Sec-Fetch-Site", "same-origin"))).isFalse();
        assertThat(ClientHttp.origineIdentique(requete())).isFalse();
    }
}
