package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatutDossierTest {

    static Dossier dossier(StatutDossier statut) {
        Structure s = new Structure("Association La Fabrique du Val", new Siret("73282932000074"), FormeJuridique.ASSOCIATION,
                new Adresse("12 rue des Forges", "58000", "Nevers", "58194", "58", "27"), null);
        return new Dossier(1L, "FDT-2026-0001", Appel.FABRIQUES_TERRITOIRE, "FDT-2026-12", Categorie.HORS_GRANDS_CENTRES, s,
                new Contact("Camille Martin", "camille@exemple.fr", "0386000000"),
                new Projet("La Fabrique", "Un tiers-lieu rural bien vivant", List.of("COWORKING"), "CAF", "Collège", BigDecimal.ONE),
                new MontantsAnnuels(50_000, 50_000, 40_000), statut, Instant.EPOCH, Instant.EPOCH, 0);
    }

    @Test
    void leCycleNominalEstPermis() {
        Dossier d = dossier(StatutDossier.DEPOSE);
        for (StatutDossier s : List.of(StatutDossier.EN_INSTRUCTION, StatutDossier.EN_ATTENTE_COMPLEMENTS, StatutDossier.EN_INSTRUCTION,
                StatutDossier.INSTRUIT, StatutDossier.AJOURNE, StatutDossier.LAUREAT, StatutDossier.CONVENTION_SIGNEE_PORTEUR,
                StatutDossier.CONVENTIONNE, StatutDossier.SOLDE)) {
            d.passerA(s, Instant.now());
            assertThat(d.statut()).isEqualTo(s);
        }
    }

    @Test
    void uneTransitionHorsCycleEstRefuseeAvecUnMessageFrancais() {
        Dossier d = dossier(StatutDossier.DEPOSE);
        assertThatThrownBy(() -> d.passerA(StatutDossier.LAUREAT, Instant.now()))
                .isInstanceOf(TransitionInterdite.class)
                .hasMessageContaining("FDT-2026-0001").hasMessageContaining("« déposé »").hasMessageContaining("« lauréat");
        assertThat(d.statut()).isEqualTo(StatutDossier.DEPOSE);
    }

    @ParameterizedTest
    @EnumSource(value = StatutDossier.class, names = {"IRRECEVABLE", "CLASSE_SANS_SUITE", "REFUSE", "CADUC", "SOLDE", "SOLDE_APRES_REVERSEMENT", "RESILIE"})
    void unStatutFinalNeMeneNullePart(StatutDossier statut) {
        assertThat(statut.estFinal()).isTrue();
        for (StatutDossier cible : StatutDossier.values()) {
            assertThatThrownBy(() -> dossier(statut).passerA(cible, Instant.now())).isInstanceOf(TransitionInterdite.class)
                    .hasMessageContaining("aucune (statut final)");
        }
    }

    @Test
    void exigerStatutNommeLesStatutsAttendus() {
        assertThatThrownBy(() -> dossier(StatutDossier.DEPOSE).exigerStatut("signer la convention", StatutDossier.LAUREAT))
                .isInstanceOf(ErreurMetier.class).hasMessage("Impossible de signer la convention : le dossier FDT-2026-0001 est « déposé » (attendu : « lauréat, convention à signer »).");
    }

    @Test
    void uneCategorieHorsDeSonAppelEstRefusee() {
        Dossier modele = dossier(StatutDossier.DEPOSE);
        assertThatThrownBy(() -> Dossier.depose("FNT-2026-0001", Appel.FABRIQUES_NUMERIQUES, "FNT-2026-12", Categorie.QPV,
                modele.structure(), modele.contact(), modele.projet(), modele.montantsDemandes(), Instant.now()))
                .isInstanceOf(ErreursValidation.class).hasMessageContaining("categorie");
    }
}
