package fr.gouv.fabriques.application.vague;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.CalendrierVagues;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.Vague;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No wave opens on its own after the programme's end. */
class VagueSuivanteTest {

    private final VagueRepository vagues = mock(VagueRepository.class);
    private final ProcessusVague processus = mock(ProcessusVague.class);
    private final VagueSuivante suivante = new VagueSuivante(vagues, processus, FinProgramme.le(LocalDate.of(2022, 10, 31)));

    @BeforeEach
    void aucuneVaguePrevue() {
        when(vagues.suivante(any())).thenReturn(Optional.empty());
        when(vagues.parCode(any())).thenReturn(Optional.empty());
    }

    private static Vague close(LocalDate limite) {
        return CalendrierVagues.vague(Appel.FABRIQUES_TERRITOIRE, limite, EtatVague.CLOSE);
    }

    @Test
    void avantLaFinDuProgrammeLaVagueTrimestrielleSuivanteSOuvreAvecSonComite() {
        Optional<Vague> v = suivante.de(close(LocalDate.of(2022, 6, 30)));
        assertThat(v).map(Vague::code).contains("FDT-2022-09");
        verify(vagues).ajouterSiAbsente(v.orElseThrow());
        verify(processus).demarrer(v.orElseThrow());
    }

    @Test
    void apresLaFinDuProgrammeAucuneVagueNeSOuvreDElleMeme() {
        // The next quarterly wave would close on 30/12/2022, after the programme's end (31/10/2022).
        assertThat(suivante.de(close(LocalDate.of(2022, 9, 30)))).isEmpty();
        verify(vagues, never()).ajouterSiAbsente(any());
        verify(processus, never()).demarrer(any());
        assertThat(suivante.sansSuite(close(LocalDate.of(2022, 9, 30)))).contains("31/10/2022").contains("FDT-2022-09");
    }

    @Test
    void uneVagueOuverteParUnGestionnaireResteLaSuivanteMemeEnFinDeProgramme() {
        Vague prevue = new Vague("FDT-2022-10", Appel.FABRIQUES_TERRITOIRE, close(LocalDate.of(2022, 10, 31)).dateLimite(), null,
                EtatVague.OUVERTE);
        when(vagues.suivante(any())).thenReturn(Optional.of(prevue));
        assertThat(suivante.de(close(LocalDate.of(2022, 9, 30)))).contains(prevue);
        verify(vagues, never()).ajouterSiAbsente(any());
    }
}
