package fr.gouv.fabriques.application.depot;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.depot.DemandeDepot.AdresseDemandee;
import fr.gouv.fabriques.application.depot.DemandeDepot.ContactDemande;
import fr.gouv.fabriques.application.depot.DemandeDepot.MontantsDemandes;
import fr.gouv.fabriques.application.depot.DemandeDepot.ProjetDemande;
import fr.gouv.fabriques.application.depot.DemandeDepot.StructureDemandee;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.persistence.ReferentielGeographiqueFichier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address checks of a deposit against the reference geography (the real committed resource). */
class ValidateurDepotTest {

    private static final ValidateurDepot VALIDATEUR = new ValidateurDepot(ReferentielGeographiqueFichier.depuisClasspath());

    private static DemandeDepot depot(String codePostal, String commune, String codeInsee, String departement, String region) {
        return new DemandeDepot("FABRIQUES_TERRITOIRE", null, "HORS_GRANDS_CENTRES",
                new StructureDemandee("Association La Fabrique du Val", "73282932000074", "ASSOCIATION",
                        new AdresseDemandee("12 rue des Forges", codePostal, commune, codeInsee, departement, region), null),
                new ContactDemande("Camille Martin", "camille@fabrique-du-val.fr", "0386000000"),
                new ProjetDemande("La Fabrique du Val", "Tiers-lieu rural : atelier partagé, coworking, médiation numérique…",
                        List.of("COWORKING", "ATELIER_PARTAGE", "MEDIATION_NUMERIQUE"), "Communauté de communes, lycée agricole, CAF",
                        "Collège des usagers, conseil d'administration mensuel", new BigDecimal("1.5")),
                new MontantsDemandes(50000, 50000, 40000));
    }

    private static List<Violation> violations(String codePostal, String codeInsee, String departement, String region) {
        return VALIDATEUR.violations(depot(codePostal, "Commune", codeInsee, departement, region));
    }

    @Test
    void lExempleDApiMdEstValide() {
        assertThat(VALIDATEUR.violations(depot("58000", "Nevers", "58194", "58", "27"))).isEmpty();
    }

    @Test
    void adressesValidesHorsMetropole() {
        assertThat(violations("20167", "2A004", "2A", "94")).as("Ajaccio, un de ses trois codes postaux").isEmpty();
        assertThat(violations("97417", "97411", "974", "04")).as("Saint-Denis de La Réunion").isEmpty();
        assertThat(violations("97605", "97611", "976", "06")).as("Mamoudzou").isEmpty();
    }

    @Test
    void arrondissementMunicipal() {
        assertThat(violations("75015", "75115", "75", "11")).isEmpty();
        assertThat(violations("75015", "75056", "75", "11")).as("Paris, code de la commune").isEmpty();
        assertThat(violations("69003", "69383", "69", "84")).isEmpty();
        assertThat(violations("75001", "75115", "75", "11")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codePostal");
            assertThat(v.message()).contains("75001").contains("75115").contains("attendu : 75015");
        });
    }

    @Test
    void codeInseeInconnu() {
        assertThat(violations("58000", "58999", "58", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codeInsee");
            assertThat(v.message()).contains("aucune commune n'a le code INSEE « 58999 »");
        });
        // A postal code typed as the INSEE code: the message says it.
        assertThat(violations("58000", "58000", "58", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codeInsee");
            assertThat(v.message()).contains("pas son code postal");
        });
    }

    @Test
    void codeDUneAncienneCommune() {
        assertThat(violations("01350", "01039", "01", "84")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codeInsee");
            assertThat(v.message()).contains("01039").contains("Culoz-Béon").contains("01138");
        });
    }

    @Test
    void departementDiscordant() {
        assertThat(violations("58000", "58194", "18", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.departement");
            assertThat(v.message()).isEqualTo("attendu : 58, le département de Nevers (code INSEE 58194) ; reçu : « 18 »");
        });
        assertThat(violations("20000", "2A004", "2B", "94")).extracting(Violation::champ).containsExactly("structure.adresse.departement");
    }

    @Test
    void regionDiscordante() {
        assertThat(violations("58000", "58194", "58", "24")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.region");
            assertThat(v.message()).isEqualTo("attendu : 27, la région de Nevers (code INSEE 58194) ; reçu : « 24 »");
        });
    }

    @Test
    void codePostalDiscordantListeLesCodesValides() {
        assertThat(violations("58100", "58194", "58", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codePostal");
            assertThat(v.message()).isEqualTo("le code postal « 58100 » n'est pas celui de Nevers (code INSEE 58194) ; attendu : 58000");
        });
        assertThat(violations("13000", "13001", "13", "93")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codePostal");
            assertThat(v.message()).contains("Aix-en-Provence").endsWith("attendu : l'un de 13080, 13090, 13100, 13290, 13540");
        });
    }

    @Test
    void toutesLesDiscordancesEnUneFois() {
        assertThat(violations("75001", "58194", "75", "11")).extracting(Violation::champ).containsExactly(
                "structure.adresse.departement", "structure.adresse.region", "structure.adresse.codePostal");
    }

    @Test
    void unCodeMalFormeNeDonneQueLeMessageDeFormat() {
        assertThat(violations("58000", "5819", "58", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.codeInsee");
            assertThat(v.message()).startsWith("attendu : le code INSEE de la commune");
        });
        assertThat(violations("58000", "58194", "5", "27")).singleElement().satisfies(v -> {
            assertThat(v.champ()).isEqualTo("structure.adresse.departement");
            assertThat(v.message()).startsWith("attendu : un code de département");
        });
    }

    /**
     * The programme's rules are the eligibility table's (doc/adr/0007): a well-formed deposit that
     * breaks them passes the form's checks, so that the table, as an analyst last deployed it, decides.
     */
    @Test
    void lesReglesDuProgrammeNeSontPasVerifieesIci() {
        DemandeDepot d = depot("58000", "Nevers", "58194", "58", "27");
        DemandeDepot horsRegles = new DemandeDepot("FABRIQUES_TERRITOIRE", null, "NUMERIQUE_QPV",
                new StructureDemandee(d.structure().raisonSociale(), d.structure().siret(), "ENTREPRISE_INDIVIDUELLE",
                        d.structure().adresse(), null),
                d.contact(), d.projet(), new MontantsDemandes(90_000, 90_000, 90_000));
        assertThat(VALIDATEUR.violations(horsRegles)).isEmpty();
    }

    @Test
    void unMontantNegatifOuAbsentResteUneErreurDeFormulaire() {
        DemandeDepot d = depot("58000", "Nevers", "58194", "58", "27");
        DemandeDepot mauvais = new DemandeDepot(d.appel(), null, d.categorie(), d.structure(), d.contact(), d.projet(),
                new MontantsDemandes(-1, null, 40_000));
        assertThat(VALIDATEUR.violations(mauvais)).extracting(Violation::champ)
                .containsExactly("montantsDemandes.annee1", "montantsDemandes.annee2");
    }
}
