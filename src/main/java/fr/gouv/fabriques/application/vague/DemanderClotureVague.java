package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Vague;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme manager closes a wave before its deadline: its committee process goes on at once. */
@Service
public class DemanderClotureVague {

    private final VagueRepository vagues;
    private final ProcessusVague processus;

    public DemanderClotureVague(VagueRepository vagues, ProcessusVague processus) {
        this.vagues = vagues;
        this.processus = processus;
    }

    @Transactional
    public void cloturer(String code) {
        Vague vague = vagues.parCode(code).orElseThrow(() -> new ErreurMetier("code", "Vague inconnue : " + code));
        if (vague.etat() != EtatVague.OUVERTE) {
            throw new ErreurMetier("etat", "La vague " + code + " est déjà « " + vague.etat() + " ».");
        }
        processus.demanderCloture(code);
    }
}
