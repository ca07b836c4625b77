package fr.gouv.fabriques.application.fiche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.application.port.FicheDossierRepository;
import fr.gouv.fabriques.application.port.GrilleNotation;
import fr.gouv.fabriques.application.port.VersionDecision;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Contact;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Structure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sheet assembled from the rows, and who may read it. */
class ConsulterFicheDossierTest {

    private static final Instant T0 = Instant.parse("2026-03-03T13:05:00Z");
    private static final String NUMERO = "FDT-2026-0007";

    private final List<Categorie> grilleLue = new ArrayList<>();
    private boolean grilleEnPanne;
    private final GrilleNotation grille = new GrilleNotation() {
        @Override
        public Ponderation ponderation(Categorie categorie) {
            grilleLue.add(categorie);
            if (grilleEnPanne) {
                throw new IllegalStateException("table absente");
            }
            Map<Critere, Integer> p = new EnumMap<>(Critere.class);
            for (Critere c : Critere.values()) {
                p.put(c, 7);
            }
            return new Ponderation(p, new VersionDecision("Decision_PoidsCriteres", 1, "Decision_PoidsCriteres:1:essai"));
        }

        @Override
        public Recommandation recommander(BigDecimal score) {
            throw new UnsupportedOperationException();
        }
    };
    private FicheDossierRepository.Donnees donnees = donnees(null, List.of(), List.of(), null, List.of(), List.of());
    private final ConsulterFicheDossier consulter = new ConsulterFicheDossier(
            numero -> NUMERO.equals(numero) ? Optional.of(donnees) : Optional.empty(), grille);

    private static Dossier dossier() {
        return new Dossier(7L, NUMERO, Appel.FABRIQUES_TERRITOIRE, "FDT-2026-T3", Categorie.QPV,
                new Structure("La Fabrique du Val", new Siret("73282932000074"), FormeJuridique.SCIC,
                        new Adresse("12 rue des Forges", "58000", "Nevers", "58194", "58", "27"), "QP058001"),
                new Contact("Camille Martin", "camille@example.fr", "0386000000"),
                new Projet("Fabrique", "Tiers-lieu", List.of("COWORKING"), "CAF", "Collège", new BigDecimal("1.5")),
                new MontantsAnnuels(50_000, 50_000, 40_000), StatutDossier.EN_INSTRUCTION, T0, T0, 3);
    }

    private static FicheDossierRepository.Donnees donnees(FicheDossierRepository.Instruction instruction,
            List<FicheDossierRepository.Validation> validations, List<Journal.Evenement> journal, Convention convention,
            List<DocumentConvention> documents, List<fr.gouv.fabriques.domain.Versement> versements) {
        return new FicheDossierRepository.Donnees(dossier(), instruction, validations, List.of(), List.of(), convention, documents,
                versements, List.of(), List.of(), journal);
    }

    private static Map<Critere, Integer> notes(int n) {
        Map<Critere, Integer> m = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            m.put(c, n);
        }
        return m;
    }

    private static FicheDossierRepository.Instruction instruite(Map<Critere, Integer> poids, Instant instruitLe) {
        return new FicheDossierRepository.Instruction(true, null, "instructeur", T0, Avis.FAVORABLE, null, false, "referent-58", T0,
                Avis.FAVORABLE, new BigDecimal("80.0"), notes(4), poids, new MontantsAnnuels(50_000, 50_000, 50_000), "Solide",
                "instructeur", instruitLe, null);
    }

    private static Agent agent(String... groupes) {
        return new Agent("agent", Set.of(groupes));
    }

    @Test
    void dossierInconnu() {
        assertThatThrownBy(() -> consulter.consulter("FDT-2026-9999")).isInstanceOf(DossierIntrouvable.class);
        assertThatThrownBy(() -> consulter.pourAgent("FDT-2026-9999", agent("instructeurs"))).isInstanceOf(DossierIntrouvable.class);
    }

    @Test
    void lesEquipesNationalesEtLesReferentsDuDepartementLisent() {
        for (String groupe : List.of("instructeurs", "gestionnaires", "comite-selection", "service-financier")) {
            assertThat(consulter.pourAgent(NUMERO, agent(groupe)).numero()).as(groupe).isEqualTo(NUMERO);
        }
        assertThat(consulter.pourAgent(NUMERO, agent("referents-territoriaux", "referents-58")).numero()).isEqualTo(NUMERO);
    }

    @Test
    void unReferentDUnAutreDepartementNiLesAnalystesNeLisent() {
        assertThatThrownBy(() -> consulter.pourAgent(NUMERO, agent("referents-territoriaux", "referents-75")))
                .isInstanceOf(AccesFicheRefuse.class).hasMessageContaining("referents-58");
        assertThatThrownBy(() -> consulter.pourAgent(NUMERO, agent("analystes"))).isInstanceOf(AccesFicheRefuse.class);
        assertThatThrownBy(() -> consulter.pourAgent(NUMERO, agent("camunda-admin"))).isInstanceOf(AccesFicheRefuse.class);
    }

    @Test
    void lesPartiesPasEncoreAtteintesSontNulles() {
        FicheDossier f = consulter.consulter(NUMERO);
        assertThat(f.structure().formeJuridiqueLibelle()).isEqualTo("société coopérative d'intérêt collectif (SCIC)");
        assertThat(f.structure().codeQpv()).isEqualTo("QP058001");
        assertThat(f.demande().vague()).isEqualTo("FDT-2026-T3");
        assertThat(f.demande().montantsDemandes().total()).isEqualTo(140_000);
        assertThat(f.completude()).isNull();
        assertThat(f.avisTerritorial()).isNull();
        assertThat(f.instruction()).isNull();
        assertThat(f.validation()).isNull();
        assertThat(f.comite()).isNull();
        assertThat(f.convention()).isNull();
        assertThat(f.versements()).isNull();
        assertThat(f.lienPage()).isEqualTo("/agents/dossiers/FDT-2026-0007");
    }

    @Test
    void lesPoidsEnregistresAvecLInstructionPriment() {
        Map<Critere, Integer> poids = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            poids.put(c, c.ordinal() + 1);
        }
        donnees = donnees(instruite(poids, T0), List.of(), List.of(), null, List.of(), List.of());
        FicheDossier.Instruction i = consulter.consulter(NUMERO).instruction();
        assertThat(i.poidsEnregistres()).isTrue();
        assertThat(i.notes()).extracting(FicheDossier.Note::poids).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(i.notes().get(0).libelle()).isEqualTo(Critere.GOUVERNANCE.libelle());
        assertThat(grilleLue).isEmpty();
    }

    @Test
    void sansPoidsEnregistresCeuxDeLaGrilleActuelle() {
        donnees = donnees(instruite(Map.of(), T0), List.of(), List.of(), null, List.of(), List.of());
        FicheDossier.Instruction i = consulter.consulter(NUMERO).instruction();
        assertThat(i.poidsEnregistres()).isFalse();
        assertThat(i.notes()).extracting(FicheDossier.Note::poids).containsOnly(7);
        assertThat(grilleLue).containsExactly(Categorie.QPV);

        grilleEnPanne = true;
        assertThat(consulter.consulter(NUMERO).instruction().notes()).extracting(FicheDossier.Note::poids).containsOnlyNulls();
    }

    @Test
    void renvoyeeReinstruitePuisValidee() {
        Instant renvoi = T0.plusSeconds(3600);
        Instant reinstruction = T0.plusSeconds(7200);
        var aRevoir = new FicheDossierRepository.Validation(false, "Revoir l'année 3", "gestionnaire2", renvoi);
        donnees = donnees(instruite(Map.of(), reinstruction), List.of(aRevoir), List.of(), null, List.of(), List.of());
        FicheDossier f = consulter.consulter(NUMERO);
        assertThat(f.instruction().renvoyee()).isTrue();
        assertThat(f.instruction().renvois()).isEqualTo(1);
        assertThat(f.validation().derniere().decision()).isEqualTo("A_REVOIR");
        assertThat(f.validation().enAttente()).isTrue();
        assertThat(f.validation().commentaireRenvoi()).isEqualTo("Revoir l'année 3");

        var validee = new FicheDossierRepository.Validation(true, null, "gestionnaire", reinstruction.plusSeconds(60));
        donnees = donnees(instruite(Map.of(), reinstruction), List.of(aRevoir, validee), List.of(), null, List.of(), List.of());
        f = consulter.consulter(NUMERO);
        assertThat(f.validation().derniere().decision()).isEqualTo("VALIDEE");
        assertThat(f.validation().derniere().par()).isEqualTo("gestionnaire");
        assertThat(f.validation().enAttente()).isFalse();
        assertThat(f.validation().commentaireRenvoi()).isEqualTo("Revoir l'année 3");
        assertThat(f.validation().historique()).hasSize(2);
    }

    @Test
    void completudeTireeDuJournal() {
        List<Journal.Evenement> journal = List.of(
                new Journal.Evenement(TypeEvenement.DEPOT, "Dossier déposé", true, "porteur", T0),
                new Journal.Evenement(TypeEvenement.DEMANDE_COMPLEMENTS, "Pièces demandées : RIB", true, "instructeur", T0),
                new Journal.Evenement(TypeEvenement.COMPLEMENTS_RECUS, "Compléments reçus : RIB joint", true, "porteur", T0),
                new Journal.Evenement(TypeEvenement.AVIS_TERRITORIAL, "Avis territorial FAVORABLE", false, "referent-58", T0));
        donnees = donnees(null, List.of(), journal, null, List.of(), List.of());
        FicheDossier f = consulter.consulter(NUMERO);
        assertThat(f.completude().complet()).isNull();
        assertThat(f.completude().echanges()).extracting(FicheDossier.Echange::nature)
                .containsExactly("DEMANDE_COMPLEMENTS", "COMPLEMENTS_RECUS");
        assertThat(f.journal()).hasSize(4);
        assertThat(f.journal().get(3).visiblePorteur()).isFalse();
    }

    @Test
    void conventionEtSesLiensQuandLesDocumentsExistent() {
        Convention c = new Convention(7L, new MontantsAnnuels(50_000, 50_000, 50_000), 0, T0, null, null, null, StatutConvention.A_SIGNER);
        DocumentConvention generee = new DocumentConvention(7L, NatureDocumentConvention.GENEREE, "a".repeat(64), 1000, "c.pdf", null, T0);
        donnees = donnees(null, List.of(), List.of(), c, List.of(generee), List.of());
        FicheDossier.Convention vue = consulter.consulter(NUMERO).convention();
        assertThat(vue.reference()).isEqualTo("CONV-FDT-2026-0007");
        assertThat(vue.lienConvention()).isEqualTo("/api/agents/dossiers/FDT-2026-0007/convention");
        assertThat(vue.lienConventionSignee()).isNull();

        DocumentConvention signee = new DocumentConvention(7L, NatureDocumentConvention.SIGNEE_PORTEUR, "b".repeat(64), 900, "s.pdf",
                "Camille Martin, présidente", T0);
        donnees = donnees(null, List.of(), List.of(), c.signeeParLePorteur(T0), List.of(generee, signee),
                List.of(new fr.gouv.fabriques.domain.Versement(7L, 1, 50_000, "financier", T0, "financier2", T0, T0, "VIR-1", null),
                        new fr.gouv.fabriques.domain.Versement(7L, 2, 50_000, null, null, null, null, null, null, null)));
        FicheDossier f = consulter.consulter(NUMERO);
        assertThat(f.convention().lienConventionSignee()).isEqualTo("/api/agents/dossiers/FDT-2026-0007/convention/signee");
        assertThat(f.convention().signatairePorteur()).isEqualTo("Camille Martin, présidente");
        assertThat(f.versements().versements()).extracting(FicheDossier.Versement::statut).containsExactly("EMIS", "PREVU");
        assertThat(f.versements().totalVerse()).isEqualTo(50_000);
    }
}
