package fr.gouv.fabriques.application.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.notification.Expedition;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.ActionDs;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which DS mutations each step of a DS dossier puts in the outbox (the committee's decisions included). */
class EcritureDsTest {

    private final DsRepository repo = mock(DsRepository.class);
    private final DossierRepository dossiers = mock(DossierRepository.class);
    private final Dossier dossier = mock(Dossier.class);
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void preparer() {
        when(repo.lienDuDossier(7L)).thenReturn(Optional.of(new DsRepository.Lien(1001, "RG9zc2llci0xMDAx", 90001, 7L, Instant.EPOCH)));
        when(dossiers.exiger(7L)).thenReturn(dossier);
        when(dossier.numero()).thenReturn("FDT-2026-0001");
    }

    private EcritureDs ecriture(boolean courriels) {
        DsProperties p = new DsProperties("https://ds", "i", Map.of(), Duration.ofMinutes(5), Duration.ofSeconds(30), 100, courriels, false, true, 0,
                new DsProperties.Envoi(true, Duration.ofSeconds(10), 20, Duration.ofMinutes(5), 15, Duration.ofSeconds(30), Duration.ofHours(1)),
                new DsProperties.Webhook(120, Duration.ofMinutes(1)));
        return new EcritureDs(repo, dossiers, new Expedition("a@b.fr", "https://fabriques.example"), p, json);
    }

    private List<EcritureDs.Action> actions(TypeEvenement type, StatutDossier statut, String libelle) {
        when(dossier.statut()).thenReturn(statut);
        ecriture(true).apresNote(42L, 7L, type, libelle, true, Instant.EPOCH);
        ArgumentCaptor<DsRepository.EnvoiADeposer> c = ArgumentCaptor.forClass(DsRepository.EnvoiADeposer.class);
        verify(repo).deposerEnvoi(c.capture());
        assertThat(c.getValue().evenementId()).isEqualTo(42L);
        return ecriture(true).lire(c.getValue().actions());
    }

    @Test
    void decisionsDuComite() {
        assertThat(actions(TypeEvenement.DECISION_COMITE, StatutDossier.LAUREAT, "Lauréat")).extracting(EcritureDs.Action::action)
                .containsExactly(ActionDs.INSTRUIRE_SI_EN_CONSTRUCTION, ActionDs.ACCEPTER);
    }

    @Test
    void refusMotive() {
        List<EcritureDs.Action> a = actions(TypeEvenement.DECISION_COMITE, StatutDossier.REFUSE, "Refusé : projet insuffisant");
        assertThat(a).extracting(EcritureDs.Action::action).containsExactly(ActionDs.INSTRUIRE_SI_EN_CONSTRUCTION, ActionDs.REFUSER);
        assertThat(a.get(1).texte()).contains("projet insuffisant");
    }

    @Test
    void piecesManquantes() {
        List<EcritureDs.Action> a = actions(TypeEvenement.DEMANDE_COMPLEMENTS, StatutDossier.EN_ATTENTE_COMPLEMENTS, "Pièces demandées : RIB");
        assertThat(a).extracting(EcritureDs.Action::action).containsExactly(ActionDs.REPASSER_EN_CONSTRUCTION, ActionDs.MESSAGE);
        assertThat(a.get(1).correction()).isEqualTo("incomplete");
    }

    @Test
    void irrecevableCaducEtEtapesSuivantes() {
        assertThat(actions(TypeEvenement.IRRECEVABILITE, StatutDossier.IRRECEVABLE, "Irrecevable")).extracting(EcritureDs.Action::action)
                .containsExactly(ActionDs.INSTRUIRE_SI_EN_CONSTRUCTION, ActionDs.REFUSER);
    }

    @Test
    void caduc() {
        assertThat(actions(TypeEvenement.CONVENTION_CADUQUE, StatutDossier.CADUC, "Caduque")).extracting(EcritureDs.Action::action)
                .containsExactly(ActionDs.REPASSER_EN_INSTRUCTION, ActionDs.CLASSER_SANS_SUITE);
    }

    @Test
    void conventionASignerEstUnMessageAvecLeLien() {
        List<EcritureDs.Action> a = actions(TypeEvenement.CONVENTION_GENEREE, StatutDossier.LAUREAT, "Convention à signer");
        assertThat(a).extracting(EcritureDs.Action::action).containsExactly(ActionDs.MESSAGE);
        assertThat(a.get(0).texte()).contains("https://fabriques.example").contains("FDT-2026-0001");
    }

    @Test
    void sansCourrielsSiConfigureEtRienPourUnDossierHorsDs() {
        when(dossier.statut()).thenReturn(StatutDossier.CONVENTIONNE);
        assertThat(ecriture(false).apresNote(1L, 7L, TypeEvenement.VERSEMENT_EMIS, "Versement", true, Instant.EPOCH)).isFalse();
        when(repo.lienDuDossier(8L)).thenReturn(Optional.empty());
        assertThat(ecriture(false).apresNote(2L, 8L, TypeEvenement.VERSEMENT_EMIS, "Versement", true, Instant.EPOCH)).isTrue();
        assertThat(ecriture(true).apresNote(3L, 7L, TypeEvenement.VERSEMENT_EMIS, "interne", false, Instant.EPOCH)).isTrue();
        verify(dossiers, never()).exiger(8L);
    }
}
