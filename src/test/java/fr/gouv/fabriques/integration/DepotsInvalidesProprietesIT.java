package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: any deposit broken in one to four ways (a control character in a text among them) (jqwik generates which, and how)
 * is refused with 422, every broken field is named in « erreurs », and nothing is
 * written — no dossier, no timeline entry, no process. Runs through HTTP on the real
 * application (so jqwik serves as the generator inside a Spring test); a failure
 * prints the faults applied, enough to replay it by hand.
 */
@IntegrationTest
class DepotsInvalidesProprietesIT {

    static final int ESSAIS = 150;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** One way to break a deposit, and the field that must then be named. */
    record Defaut(String champ, Consumer<ObjectNode> appliquer) {
    }

    static ObjectNode objet(ObjectNode racine, String... chemin) {
        ObjectNode n = racine;
        for (String c : chemin) {
            n = (ObjectNode) n.get(c);
        }
        return n;
    }

    static Arbitrary<Defaut> defauts() {
        Arbitrary<String> texteNonChiffre = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<Integer> montantTropGrand = Arbitraries.integers().between(50_001, 5_000_000);
        Arbitrary<String> siretFaux = Arbitraries.strings().numeric().ofLength(14)
                .filter(s -> !s.startsWith("356") && !luhn(s));
        Arbitrary<String> siretMalForme = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(13),
                Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(20), Arbitraries.strings().alpha().ofLength(14));
        Arbitrary<String> insee = Arbitraries.strings().numeric().ofLength(5).filter(s -> s.startsWith("00") || s.startsWith("96"));
        return Arbitraries.oneOf(
                siretFaux.map(s -> new Defaut("structure.siret", d -> objet(d, "structure").put("siret", s))),
                siretMalForme.map(s -> new Defaut("structure.siret", d -> objet(d, "structure").put("siret", s))),
                // Programme rules (the eligibility table, doc/adr/0007): the table names the field it judged.
                montantTropGrand.map(m -> new Defaut("montantsDemandes", d -> objet(d, "montantsDemandes").put("annee2", m))),
                Arbitraries.just(new Defaut("structure.formeJuridique", d -> objet(d, "structure").put("formeJuridique", "ENTREPRISE_INDIVIDUELLE"))),
                Arbitraries.integers().between(0, 24_000).map(m -> new Defaut("montantsDemandes", d -> {
                    objet(d, "montantsDemandes").put("annee1", m).put("annee2", m).put("annee3", m);
                })),
                texteNonChiffre.map(t -> new Defaut("montantsDemandes.annee1", d -> objet(d, "montantsDemandes").put("annee1", t))),
                Arbitraries.doubles().between(1, 49_999).ofScale(2).filter(x -> x != Math.rint(x))
                        .map(x -> new Defaut("montantsDemandes.annee3", d -> objet(d, "montantsDemandes").put("annee3", x))),
                texteNonChiffre.map(t -> new Defaut("contact.email", d -> objet(d, "contact").put("email", t))),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8)
                        .map(t -> new Defaut("contact.telephone", d -> objet(d, "contact").put("telephone", t))),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4)
                        .map(t -> new Defaut("structure.adresse.codePostal", d -> objet(d, "structure", "adresse").put("codePostal", t))),
                insee.map(t -> new Defaut("structure.adresse.codeInsee", d -> objet(d, "structure", "adresse").put("codeInsee", t))),
                Arbitraries.of("75", "13", "2A", "971").map(t -> new Defaut("structure.adresse.departement",
                        d -> objet(d, "structure", "adresse").put("departement", t))),
                Arbitraries.of("11", "84", "93").map(t -> new Defaut("structure.adresse.region", d -> objet(d, "structure", "adresse").put("region", t))),
                Arbitraries.of("SARL", "EURL", "AUTO_ENTREPRENEUR", "", "association").map(t -> new Defaut("structure.formeJuridique",
                        d -> objet(d, "structure").put("formeJuridique", t))),
                Arbitraries.of("QP12", "QX075001", "qp075001", "QN12").map(t -> new Defaut("structure.codeQpv",
                        d -> objet(d, "structure").put("codeQpv", t))),
                // A QPV dossier without its QPV code; a numérique in the other call.
                Arbitraries.just(new Defaut("structure.codeQpv", d -> d.put("categorie", "QPV"))),
                Arbitraries.just(new Defaut("categorie", d -> d.put("categorie", "NUMERIQUE_QPV"))),
                Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(10).map(nom -> new Defaut("champInconnu" + nom,
                        d -> d.put("champInconnu" + nom, true))),
                Arbitraries.of("raisonSociale", "siret", "formeJuridique").map(c -> new Defaut("structure." + c,
                        d -> objet(d, "structure").remove(c))),
                Arbitraries.integers().between(5001, 8000).map(n -> new Defaut("projet.description",
                        d -> objet(d, "projet").put("description", "x".repeat(n)))),
                Arbitraries.of("annee1", "annee2", "annee3").map(a -> new Defaut("montantsDemandes." + a,
                        d -> objet(d, "montantsDemandes").remove(a))),
                Arbitraries.of(-1.0, 100.5, 1.234).map(e -> new Defaut("projet.etpFinances", d -> objet(d, "projet").put("etpFinances", e))),
                caractereDeControle().map(c -> new Defaut(c.champ(), c::appliquer)));
    }

    /** The text fields of a deposit, by path: where a control character may be slipped in. */
    static final List<String> TEXTES = List.of("structure.raisonSociale", "structure.adresse.ligne", "structure.adresse.commune",
            "contact.nom", "contact.email", "projet.nom", "projet.description", "projet.partenaires", "projet.gouvernance");

    /** A C0 control character other than tab, line feed and carriage return, slipped into a text field. */
    record Controle(String champ, char caractere, int position) {
        void appliquer(ObjectNode depot) {
            String[] chemin = champ.split("\\.");
            ObjectNode parent = objet(depot, java.util.Arrays.copyOf(chemin, chemin.length - 1));
            String avant = parent.get(chemin[chemin.length - 1]).asText();
            int i = Math.min(position, avant.length());
            parent.put(chemin[chemin.length - 1], avant.substring(0, i) + caractere + avant.substring(i));
        }

        /** Where it lands, counted from 1 (the valid deposit's texts are plain BMP characters). */
        int positionAttendue(ObjectNode depotValide) {
            String[] chemin = champ.split("\\.");
            String avant = objet(depotValide, java.util.Arrays.copyOf(chemin, chemin.length - 1)).get(chemin[chemin.length - 1]).asText();
            return Math.min(position, avant.length()) + 1;
        }
    }

    static Arbitrary<Controle> caractereDeControle() {
        Arbitrary<Character> c = Arbitraries.chars().range('\u0000', '\u001f').filter(x -> x != '\t' && x != '\n' && x != '\r');
        return net.jqwik.api.Combinators.combine(Arbitraries.of(TEXTES), c, Arbitraries.integers().between(0, 80)).as(Controle::new);
    }

    static boolean luhn(String s) {
        int somme = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(s.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                c = c * 2 > 9 ? c * 2 - 9 : c * 2;
            }
            somme += c;
        }
        return somme % 10 == 0;
    }

    @Test
    void toutDepotDefectueuxEstRefuseChampParChampEtRienNEstEcrit() {
        Http http = new Http(port);
        Arbitrary<List<Defaut>> lots = defauts().list().ofMinSize(1).ofMaxSize(4)
                .uniqueElements(d -> d.champ().replaceAll("\\.annee\\d$", "").replaceAll("^montantsDemandes$", "montantsDemandes"));
        List<List<Defaut>> echantillons = lots.sampleStream().limit(ESSAIS).toList();
        int dossiers = compte("dossier");
        int evenements = compte("evenement_dossier");
        long processus = jdbc.sql("select count(*) from act_ru_execution").query(Long.class).single();
        List<String> echecs = new ArrayList<>();
        for (int essai = 0; essai < ESSAIS; essai++) {
            List<Defaut> defauts = echantillons.get(essai);
            ObjectNode depot = Depots.valide();
            defauts.forEach(d -> d.appliquer().accept(depot));
            Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
            if (r.statut() != 422) {
                echecs.add("essai " + essai + " : " + r.statut() + " pour " + champs(defauts) + " → " + r.corps());
                continue;
            }
            Set<String> nommes = new HashSet<>();
            for (JsonNode e : r.json().get("erreurs")) {
                nommes.add(e.get("champ").asText());
                assertThat(e.get("message").asText()).as("message français non vide").isNotBlank();
            }
            // Type errors are reported before the business checks: then at least one of them is named.
            boolean auMoinsUn = defauts.stream().anyMatch(d -> nommes.contains(d.champ()));
            if (!auMoinsUn) {
                echecs.add("essai " + essai + " : aucun des champs " + champs(defauts) + " nommé dans " + nommes);
            }
        }
        assertThat(echecs).isEmpty();
        assertThat(compte("dossier")).isEqualTo(dossiers);
        assertThat(compte("evenement_dossier")).isEqualTo(evenements);
        assertThat(jdbc.sql("select count(*) from act_ru_execution").query(Long.class).single()).isEqualTo(processus);
    }

    @Test
    void unSeulDefautEstToujoursNommeExactement() {
        Http http = new Http(port);
        for (Defaut d : defauts().sampleStream().limit(60).toList()) {
            ObjectNode depot = Depots.valide();
            d.appliquer().accept(depot);
            Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
            assertThat(r.statut()).as(d.champ() + " : " + r.corps()).isEqualTo(422);
            List<String> nommes = new ArrayList<>();
            r.json().get("erreurs").forEach(e -> nommes.add(e.get("champ").asText()));
            assertThat(nommes).as("défaut unique " + d.champ()).contains(d.champ());
        }
    }

    @Test
    void unCaractereDeControleEstNommeAvecLeCaractereEtSaPosition() {
        Http http = new Http(port);
        int dossiers = compte("dossier");
        List<String> echecs = new ArrayList<>();
        for (Controle c : caractereDeControle().sampleStream().limit(80).toList()) {
            ObjectNode depot = Depots.valide();
            int position = c.positionAttendue(depot);
            c.appliquer(depot);
            Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
            String attendu = c.champ() + " : caractère de contrôle interdit (" + String.format("U+%04X", (int) c.caractere()) + ") à la position "
                    + position;
            if (r.statut() != 422 || !r.corps().contains("\"champ\":\"" + c.champ() + "\"")
                    || !messages(r).contains(attendu)) {
                echecs.add(c + " → " + r.statut() + " " + r.corps());
            }
        }
        assertThat(echecs).isEmpty();
        assertThat(compte("dossier")).isEqualTo(dossiers);
    }

    /** Anything after the JSON document, or a document cut short: 400, never a 5xx, nothing written. */
    @Test
    void unContenuApresLeJsonOuUnJsonTronqueDonne400() {
        Http http = new Http(port);
        Arbitrary<String> fin = Arbitraries.oneOf(
                Arbitraries.of("x", "}", "]", "{}", "[]", "null", "0", "true", ",", "\"fin\"", "{\"appel\": 1}", "\u0000", "//", "#"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> blancs = Arbitraries.of("", " ", "\n", "\r\n", "\t ");
        int dossiers = compte("dossier");
        List<String> echecs = new ArrayList<>();
        List<String> fins = net.jqwik.api.Combinators.combine(blancs, fin).as(String::concat).sampleStream().limit(80).toList();
        for (String f : fins) {
            ObjectNode depot = Depots.valide();
            Http.Reponse r = http.envoyer("POST", "/api/dossiers", Http.texte(depot) + f, "application/json", Map.of());
            if (r.statut() != 400) {
                echecs.add("fin " + Http.texte(f) + " → " + r.statut() + " " + r.corps());
            }
        }
        for (int coupe : Arbitraries.integers().between(1, 400).sampleStream().limit(40).toList()) {
            String texte = Http.texte(Depots.valide());
            Http.Reponse r = http.envoyer("POST", "/api/dossiers", texte.substring(0, Math.min(coupe, texte.length() - 1)), "application/json",
                    Map.of());
            if (r.statut() != 400) {
                echecs.add("tronqué à " + coupe + " → " + r.statut() + " " + r.corps());
            }
        }
        assertThat(echecs).isEmpty();
        assertThat(compte("dossier")).isEqualTo(dossiers);
    }

    /**
     * Any text at all — controls, surrogates, markup, quotes — in any text field, and sometimes
     * trailing content: the answer is the deposit (201) or a client error, never a 5xx; a control
     * character is always a 422.
     */
    @Test
    void aucunTexteNeProvoqueDErreurServeur() {
        Http http = new Http(port);
        Arbitrary<String> texte = Arbitraries.oneOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("'; drop table dossier; --", "<script>alert(1)</script>", "\u0000", "\\u0000", "\ud800", "${jndi:ldap://x}",
                        "%00", "\u202e", "\ufeff", "é".repeat(300)));
        List<String> echecs = new ArrayList<>();
        List<List<Object>> essais = net.jqwik.api.Combinators.combine(Arbitraries.of(TEXTES), texte, Arbitraries.of("", "", "", " x"))
                .as((a, b, c) -> List.<Object>of(a, b, c)).sampleStream().limit(100).toList();
        for (List<Object> essai : essais) {
            String champ = (String) essai.get(0);
            String valeur = (String) essai.get(1);
            String fin = (String) essai.get(2);
            ObjectNode depot = Depots.valide();
            String[] chemin = champ.split("\\.");
            objet(depot, java.util.Arrays.copyOf(chemin, chemin.length - 1)).put(chemin[chemin.length - 1], valeur);
            Http.Reponse r = http.envoyer("POST", "/api/dossiers", Http.texte(depot) + fin, "application/json", Map.of());
            boolean controle = fr.gouv.fabriques.domain.CaracteresControle.premier(valeur) >= 0;
            if (r.statut() >= 500 || !java.util.Set.of(201, 400, 409, 422).contains(r.statut())
                    || (!fin.isEmpty() && r.statut() != 400) || (fin.isEmpty() && controle && r.statut() != 422)) {
                echecs.add(champ + " = " + Http.texte(valeur) + (fin.isEmpty() ? "" : " + « " + fin + " »") + " → " + r.statut() + " " + r.corps());
            }
        }
        assertThat(echecs).isEmpty();
    }

    private static List<String> messages(Http.Reponse r) {
        List<String> m = new ArrayList<>();
        r.json().get("erreurs").forEach(e -> m.add(e.get("champ").asText() + " : " + e.get("message").asText()));
        return m;
    }

    private int compte(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static List<String> champs(List<Defaut> defauts) {
        return defauts.stream().map(Defaut::champ).toList();
    }
}
