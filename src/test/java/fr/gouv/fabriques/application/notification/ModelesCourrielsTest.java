package fr.gouv.fabriques.application.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.TypeEvenement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The templates of src/main/resources/notifications/, as analysts edit them. */
class ModelesCourrielsTest {

    /** The steps the use cases show to the applicant (Journal#noter with visiblePorteur = true). */
    static final Set<TypeEvenement> VISIBLES_PORTEUR = EnumSet.of(TypeEvenement.DEPOT, TypeEvenement.RECEVABILITE,
            TypeEvenement.IRRECEVABILITE, TypeEvenement.COMPLETUDE, TypeEvenement.DEMANDE_COMPLEMENTS, TypeEvenement.COMPLEMENTS_RECUS,
            TypeEvenement.CLASSEMENT_SANS_SUITE, TypeEvenement.VALIDATION_PROPOSITION, TypeEvenement.DECISION_COMITE,
            TypeEvenement.CONVENTION_GENEREE, TypeEvenement.CONVENTION_SIGNEE_PORTEUR, TypeEvenement.CONVENTION_SIGNEE_ETAT,
            TypeEvenement.CONVENTION_CADUQUE, TypeEvenement.VERSEMENT_EMIS, TypeEvenement.BILAN_DEPOSE, TypeEvenement.BILAN_EXAMINE,
            TypeEvenement.REVERSEMENT_DECIDE, TypeEvenement.CONVENTION_SOLDEE, TypeEvenement.REPORT_VAGUE,
            TypeEvenement.RAPPEL_SIGNATURE, TypeEvenement.DEFAUT_BILAN, TypeEvenement.PIECES_DEPOSEES);

    /** Steps whose timeline text says nothing the mail does not already say. */
    static final Set<TypeEvenement> SANS_TEXTE_ETAPE = EnumSet.of(TypeEvenement.DEPOT, TypeEvenement.COMPLETUDE,
            TypeEvenement.VALIDATION_PROPOSITION, TypeEvenement.CONVENTION_GENEREE, TypeEvenement.CONVENTION_SIGNEE_PORTEUR);

    final ModelesCourriels modeles = ModelesCourriels.depuisClasspath("notifications");

    static Map<String, String> valeurs(String etape) {
        Map<String, String> v = new HashMap<>();
        v.put("numero", "FDT-2026-0001");
        v.put("structure", "Association La Fabrique du Val");
        v.put("projet", "La Fabrique du Val");
        v.put("contact", "Camille Martin");
        v.put("vague", "FDT-2026-06");
        v.put("etape", etape);
        v.put("date", "3 mars 2026 à 14h05");
        v.put("lienSuivi", "https://fabriques.example/api/dossiers/FDT-2026-0001");
        v.put("echeanceComplements", "18 mars 2026 à 14h05");
        v.put("echeanceSignature", "2 mai 2026 à 14h05");
        return v;
    }

    @Test
    void chaqueEtapeVisibleDuPorteurASonModele() {
        assertThat(VISIBLES_PORTEUR).allSatisfy(type -> assertThat(modeles.aUnModelePropre(type)).as(type.name()).isTrue());
    }

    @Test
    void chaqueModeleDonneUnObjetSurUneLigneEtUnTexteAvecLeNumeroLEtapeEtLeLienDeSuivi() {
        for (TypeEvenement type : TypeEvenement.values()) {
            ModelesCourriels.CourrielRedige c = modeles.rediger(type, valeurs("Texte de l'étape n° 42"));
            assertThat(c.sujet()).as(type.name()).contains("FDT-2026-0001").doesNotContain("\n").doesNotContain("{").hasSizeLessThan(120);
            assertThat(c.corps()).as(type.name()).contains("FDT-2026-0001")
                    .contains("https://fabriques.example/api/dossiers/FDT-2026-0001")
                    .contains("Camille Martin")
                    .doesNotContain("{");
            if (!SANS_TEXTE_ETAPE.contains(type)) {
                assertThat(c.corps()).as(type + " montre le texte de l'étape").contains("Texte de l'étape n° 42");
            }
        }
    }

    @Test
    void lesObjetsDesEtapesPrincipales() {
        assertThat(modeles.rediger(TypeEvenement.DEPOT, valeurs("x")).sujet()).isEqualTo("Votre dossier FDT-2026-0001 a bien été déposé");
        assertThat(modeles.rediger(TypeEvenement.DEMANDE_COMPLEMENTS, valeurs("x")).sujet())
                .isEqualTo("Pièces complémentaires demandées — dossier FDT-2026-0001");
        assertThat(modeles.rediger(TypeEvenement.DECISION_COMITE, valeurs("x")).sujet())
                .isEqualTo("Décision du comité de sélection — dossier FDT-2026-0001");
    }

    @Test
    void laDemandeDeComplementsListeLesPiecesEtDonneLEcheance() {
        String corps = modeles.rediger(TypeEvenement.DEMANDE_COMPLEMENTS, valeurs("Pièces demandées : RIB et statuts signés")).corps();
        assertThat(corps).contains("Pièces demandées : RIB et statuts signés").contains("18 mars 2026 à 14h05")
                .contains("https://fabriques.example/api/dossiers/FDT-2026-0001/complements");
    }

    @Test
    void laDecisionDuComiteDonneSaMotivation() {
        String corps = modeles.rediger(TypeEvenement.DECISION_COMITE,
                valeurs("Décision du comité : refusé. Motivation : modèle économique non viable")).corps();
        assertThat(corps).contains("Motivation : modèle économique non viable").contains("recours");
    }

    @Test
    void uneValeurQuiRessembleAUneVariableResteTelleQuelle() {
        String corps = modeles.rediger(TypeEvenement.IRRECEVABILITE, valeurs("le champ {numero} est faux")).corps();
        assertThat(corps).contains("le champ {numero} est faux");
    }

    @Test
    void unRetourALaLigneDansUneValeurNeCassePasLObjet() {
        Map<String, String> v = valeurs("x");
        v.put("numero", "FDT-2026-0001\r\nBcc: quelqu-un@example.org");
        assertThat(modeles.rediger(TypeEvenement.DEPOT, v).sujet()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void uneValeurManquanteEstRefusee() {
        Map<String, String> v = valeurs("x");
        v.remove("lienSuivi");
        assertThatThrownBy(() -> modeles.rediger(TypeEvenement.DEPOT, v)).hasMessageContaining("lienSuivi");
    }

    @Test
    void uneVariableInconnueEstSignaleeAvecLeFichier() {
        assertThatThrownBy(() -> ModelesCourriels.Modele.lire("notifications/DEPOT.txt", "Objet : Dossier {numero}\n\nBonjour {contcat}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DEPOT.txt").hasMessageContaining("{contcat}");
        assertThatThrownBy(() -> ModelesCourriels.Modele.lire("notifications/DEPOT.txt", "Objet : Dossier {numro}\n\nBonjour"))
                .hasMessageContaining("{numro}");
    }

    @Test
    void unModeleSansObjetEstRefuse() {
        assertThatThrownBy(() -> ModelesCourriels.Modele.lire("notifications/DEPOT.txt", "Bonjour {contact}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Objet :");
    }

    @Test
    void lesCommentairesEnTeteSontIgnores() {
        ModelesCourriels.Modele m = ModelesCourriels.Modele.lire("x.txt", "# note pour les analystes\n# {inconnue} ici ne compte pas\nObjet : Sujet {numero}\n\nTexte {etape}\n");
        assertThat(m.sujet()).isEqualTo("Sujet {numero}");
        assertThat(m.corps()).isEqualTo("Texte {etape}");
    }
}
