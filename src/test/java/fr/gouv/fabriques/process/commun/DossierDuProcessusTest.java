package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Dossier;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DossierDuProcessusTest {

    private final DossierRepository depot = mock(DossierRepository.class);
    private final DossierDuProcessus dossiers = new DossierDuProcessus(depot);

    private void existe(String numero, long id) {
        Dossier d = mock(Dossier.class);
        when(d.id()).thenReturn(id);
        doReturn(Optional.of(d)).when(depot).parNumero(numero);
        doCallRealMethod().when(depot).exigerNumero(numero);
    }

    @AfterEach
    void sansTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void lIdentifiantDUnNumeroEstLuUneFois() {
        existe("FDT-2026-0007", 42L);
        assertThat(dossiers.idParNumero("FDT-2026-0007")).isEqualTo(42L);
        assertThat(dossiers.idParNumero("FDT-2026-0007")).isEqualTo(42L);
        verify(depot, times(1)).parNumero("FDT-2026-0007");
    }

    @Test
    void uneLectureDansUneTransactionNEstGardeeQuApresSaValidation() {
        existe("FDT-2026-0008", 43L);
        TransactionSynchronizationManager.initSynchronization();
        assertThat(dossiers.idParNumero("FDT-2026-0008")).isEqualTo(43L);
        assertThat(dossiers.idParNumero("FDT-2026-0008")).as("pas encore validée").isEqualTo(43L);
        verify(depot, times(2)).parNumero("FDT-2026-0008");
        // Rolled back (it may have inserted the dossier): nothing kept.
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        dossiers.idParNumero("FDT-2026-0008");
        verify(depot, times(3)).parNumero("FDT-2026-0008");
        // Committed: kept.
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCommit();
        }
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(dossiers.idParNumero("FDT-2026-0008")).isEqualTo(43L);
        verify(depot, times(3)).parNumero("FDT-2026-0008");
    }

    @Test
    void unNumeroInconnuNEstPasRetenu() {
        doReturn(Optional.empty()).when(depot).parNumero("FDT-2026-0009");
        doCallRealMethod().when(depot).exigerNumero("FDT-2026-0009");
        assertThatThrownBy(() -> dossiers.idParNumero("FDT-2026-0009")).isInstanceOf(DossierIntrouvable.class);
        existe("FDT-2026-0009", 44L);
        assertThat(dossiers.idParNumero("FDT-2026-0009")).isEqualTo(44L);
    }
}
