package fr.gouv.fabriques.process.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.persistence.ReferentielGeographiqueFichier;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bpmn/eligibilite.dmn evaluated by the Camunda DMN engine alone, rule by rule, with the
 * EPCI type of real communes taken from the reference geography and the programme's figures
 * passed as inputs, as {@link EligibiliteDmn} passes them from configuration.
 */
class EligibiliteDmnTest {

    private static final String METROPOLE = "La commune appartient à une métropole : la catégorie HORS_GRANDS_CENTRES "
            + "est réservée aux communes hors des grands centres urbains";
    private static final ReferentielGeographiqueFichier GEOGRAPHIE = ReferentielGeographiqueFichier.depuisClasspath();
    private static DmnEngine moteur;
    private static DmnDecision decision;

    @BeforeAll
    static void charger() throws Exception {
        moteur = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = EligibiliteDmnTest.class.getClassLoader().getResourceAsStream("bpmn/eligibilite.dmn")) {
            decision = moteur.parseDecision(EligibiliteDmn.DECISION, Objects.requireNonNull(in));
        }
    }

    /** An eligible dossier of the API contract (OpenAPI, README) (Nevers, communauté d'agglomération). */
    private static Map<String, Object> faits() {
        Map<String, Object> f = new HashMap<>(PlafondsFinancement.PROGRAMME_2019.variables());
        f.put("appel", "FABRIQUES_TERRITOIRE");
        f.put("categorie", "HORS_GRANDS_CENTRES");
        f.put("montantTotal", 140_000);
        f.put("montantAnnuelMax", 50_000);
        f.put("codeQpvRenseigne", false);
        f.put("formeJuridique", "ASSOCIATION");
        f.put("typeEpci", typeEpci("58194"));
        return f;
    }

    private static String typeEpci(String codeInsee) {
        return GEOGRAPHIE.commune(codeInsee).map(Commune::typeEpci).orElseThrow();
    }

    private static List<String> motifs(Map<String, Object> faits) {
        return moteur.evaluateDecisionTable(decision, faits).collectEntries("motif").stream().map(Object::toString).toList();
    }

    private static List<String> champs(Map<String, Object> faits) {
        return moteur.evaluateDecisionTable(decision, faits).collectEntries("champ").stream().map(Object::toString).toList();
    }

    private static List<String> motifsAvec(String nom, Object valeur) {
        Map<String, Object> f = faits();
        f.put(nom, valeur);
        return motifs(f);
    }

    @Test
    void dossierEligible() {
        assertThat(motifs(faits())).isEmpty();
    }

    @Test
    void montants() {
        assertThat(motifsAvec("montantTotal", 74_999)).containsExactly("Le montant total demandé est inférieur au plancher de 75 000 € sur 3 ans");
        assertThat(motifsAvec("montantTotal", 150_001)).containsExactly("Le montant total demandé dépasse le plafond de 150 000 € sur 3 ans");
        assertThat(motifsAvec("montantAnnuelMax", 50_001)).containsExactly("Un montant annuel dépasse le plafond de 50 000 € par an");
        assertThat(motifsAvec("montantTotal", 75_000)).isEmpty();
        assertThat(motifsAvec("montantTotal", 150_000)).isEmpty();
        assertThat(champs(avec("montantAnnuelMax", 50_001))).containsExactly("montantsDemandes");
    }

    /** The table writes no figure: other figures in configuration, other bounds and other reasons. */
    @Test
    void lesChiffresViennentDesEntrees() {
        Map<String, Object> f = faits();
        f.putAll(new PlafondsFinancement(60_000, 120_000, 40_000, 80_000).variables());
        f.put("montantTotal", 120_000);
        f.put("montantAnnuelMax", 40_000);
        assertThat(motifs(f)).isEmpty();
        f.put("montantTotal", 120_001);
        f.put("montantAnnuelMax", 40_001);
        assertThat(motifs(f)).containsExactly("Le montant total demandé dépasse le plafond de 120 000 € sur 3 ans",
                "Un montant annuel dépasse le plafond de 40 000 € par an");
        f.put("montantTotal", 59_999);
        f.put("montantAnnuelMax", 20_000);
        assertThat(motifs(f)).containsExactly("Le montant total demandé est inférieur au plancher de 60 000 € sur 3 ans");
    }

    private static Map<String, Object> avec(String nom, Object valeur) {
        Map<String, Object> f = faits();
        f.put(nom, valeur);
        return f;
    }

    @Test
    void categorieEtAppel() {
        Map<String, Object> f = faits();
        f.put("categorie", "QPV");
        assertThat(motifs(f)).containsExactly("La catégorie demandée exige une implantation en quartier prioritaire (code QPV)");
        f.put("codeQpvRenseigne", true);
        assertThat(motifs(f)).isEmpty();
        f.put("categorie", "NUMERIQUE_QPV");
        assertThat(motifs(f)).containsExactly("Une Fabrique numérique se dépose dans l'appel Fabriques numériques de territoire");
        f.put("appel", "FABRIQUES_NUMERIQUES");
        assertThat(motifs(f)).isEmpty();
        f.put("categorie", "HORS_GRANDS_CENTRES");
        assertThat(motifs(f)).containsExactly("L'appel Fabriques numériques ne reçoit que la catégorie NUMERIQUE_QPV");
    }

    @Test
    void formeJuridique() {
        assertThat(motifsAvec("formeJuridique", "ENTREPRISE_INDIVIDUELLE")).containsExactly("La forme juridique de la structure n'est pas admise à candidater");
        assertThat(champs(avec("formeJuridique", "ENTREPRISE_INDIVIDUELLE"))).containsExactly("structure.formeJuridique");
        for (FormeJuridique forme : FormeJuridique.values()) {
            assertThat(motifsAvec("formeJuridique", forme.name())).as(forme.name()).hasSize(forme == FormeJuridique.ENTREPRISE_INDIVIDUELLE ? 1 : 0);
        }
    }

    @Test
    void communeDeLaMetropoleDeLyonHorsGrandsCentres() {
        String lyon = typeEpci("69123");
        assertThat(lyon).isEqualTo("MET69");
        assertThat(motifsAvec("typeEpci", lyon)).containsExactly(METROPOLE);
        assertThat(motifsAvec("typeEpci", typeEpci("69266"))).as("Villeurbanne, Métropole de Lyon").containsExactly(METROPOLE);
    }

    @Test
    void arrondissementDeParisParLaCommuneDeRattachement() {
        String paris11 = typeEpci("75111");
        assertThat(paris11).isEqualTo("METRO");
        assertThat(motifsAvec("typeEpci", paris11)).containsExactly(METROPOLE);
        assertThat(motifsAvec("typeEpci", typeEpci("13207"))).as("Marseille 7e").containsExactly(METROPOLE);
    }

    @Test
    void communesRuralesEtHorsEpciEligibles() {
        assertThat(typeEpci("58062")).as("Château-Chinon (Ville), communauté de communes").isEqualTo("CC");
        assertThat(motifsAvec("typeEpci", typeEpci("58062"))).isEmpty();
        assertThat(motifsAvec("typeEpci", null)).as("Île-de-Sein, hors de tout EPCI").isEmpty();
        assertThat(motifsAvec("typeEpci", "CU")).as("communauté urbaine : non exclue par défaut").isEmpty();
    }

    @Test
    void lesCategoriesQpvEnMetropoleRestentEligibles() {
        Map<String, Object> f = faits();
        f.put("typeEpci", typeEpci("75119"));
        f.put("categorie", "QPV");
        f.put("codeQpvRenseigne", true);
        assertThat(motifs(f)).isEmpty();
    }

    @Test
    void plusieursMotifsALaFois() {
        Map<String, Object> f = faits();
        f.put("typeEpci", "MET69");
        f.put("montantAnnuelMax", 60_000);
        assertThat(motifs(f)).containsExactly("Un montant annuel dépasse le plafond de 50 000 € par an", METROPOLE);
        assertThat(champs(f)).containsExactly("montantsDemandes", "categorie");
    }
}
