package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.liste.FiltreDossiers;
import fr.gouv.fabriques.application.liste.TriDossiers;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.StatutDossier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string of the dossiers list: the contract's names and values, and what is refused. */
class ParametresListeTest {

    @Test
    void valeursRepeteesOuSepareesParDesVirgulesEtValeursVidesIgnorees() {
        ParametresListe p = ParametresListe.lire(Map.of("statut", new String[] {"LAUREAT,CONVENTIONNE", "SOLDE"}, "appel",
                new String[] {"FABRIQUES_NUMERIQUES"}, "departement", new String[] {"2a, 58"}, "region", new String[] {""},
                "q", new String[] {"  Écluse "}, "tri", new String[] {"note"}, "ordre", new String[] {"desc"}, "taille", new String[] {"200"}));
        assertThat(p.filtre().statuts()).containsExactlyInAnyOrder(StatutDossier.LAUREAT, StatutDossier.CONVENTIONNE, StatutDossier.SOLDE);
        assertThat(p.filtre().appels()).containsExactly(Appel.FABRIQUES_NUMERIQUES);
        assertThat(p.filtre().departements()).containsExactlyInAnyOrder("2A", "58");
        assertThat(p.filtre().regions()).isEmpty();
        assertThat(p.filtre().texte()).isEqualTo("Écluse");
        assertThat(p.tri()).isEqualTo(TriDossiers.SCORE);
        assertThat(p.descendant()).isTrue();
        assertThat(p.page()).isZero();
        assertThat(p.taille()).isEqualTo(200);
        assertThat(p.requete(p.ordre())).isEqualTo("q=%C3%89cluse&statut=CONVENTIONNE%2CLAUREAT%2CSOLDE&appel=FABRIQUES_NUMERIQUES"
                + "&departement=2A%2C58&tri=score&ordre=desc");
    }

    @Test
    void parDefautTriParNumeroCroissantCinquanteParPage() {
        ParametresListe p = ParametresListe.lire(Map.of());
        assertThat(p.tri()).isEqualTo(TriDossiers.NUMERO);
        assertThat(p.descendant()).isFalse();
        assertThat(p.taille()).isEqualTo(50);
        assertThat(p.filtre()).isEqualTo(FiltreDossiers.aucun());
    }

    @Test
    void refusQuiNommeLeParametre() {
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("statut", new String[] {"LAUREATE"})))
                .isInstanceOfSatisfying(ParametresListe.Invalide.class, e -> assertThat(e.parametre()).isEqualTo("statut"))
                .hasMessageContaining("LAUREATE").hasMessageContaining("CONVENTION_SIGNEE_PORTEUR");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("Statut", new String[] {"LAUREAT"}))).hasMessageContaining("« Statut » inconnu");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("page", new String[] {"1e3"}))).hasMessageContaining("« page »");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("taille", new String[] {"0"}))).hasMessageContaining("de 1 à 200");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("tri", new String[] {"a", "b"}))).hasMessageContaining("une seule valeur");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("vague", new String[] {"FDT'; drop table dossier;--"})))
                .hasMessageContaining("« vague »");
        assertThatThrownBy(() -> ParametresListe.lire(Map.of("q", new String[] {"x".repeat(201)}))).hasMessageContaining("200 caractères");
    }

    @Test
    void rechercheNormaliseeCommeLaColonneDeLaBase() {
        assertThat(FiltreDossiers.normaliser("L'ÉCLUSE Œuvre Æ çà")).isEqualTo("l'ecluse oeuvre ae ca");
        FiltreDossiers siret = new FiltreDossiers(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), "732 829 320 00074", null);
        assertThat(siret.texteNormalise()).isEqualTo("73282932000074");
    }
}
