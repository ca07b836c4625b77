package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.application.vague.VagueSuivante;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wave's deadline passed (or a manager closed it): no more deposits, and the
 * dossiers still in instruction move to the next wave — the committee decides only
 * instructed dossiers and never waits for the others. After the programme's end no wave
 * follows ({@link VagueSuivante}): they stay in this one, their timeline says why.
 */
@Service
public class CloturerVague {

    private final VagueRepository vagues;
    private final DossierRepository dossiers;
    private final VagueSuivante vagueSuivante;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final Clock horloge;

    public CloturerVague(VagueRepository vagues, DossierRepository dossiers, VagueSuivante vagueSuivante, Journal journal,
            ProcessusDossier processus, Clock horloge) {
        this.vagues = vagues;
        this.processus = processus;
        this.dossiers = dossiers;
        this.vagueSuivante = vagueSuivante;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return the number of dossiers carried to the next wave */
    @Transactional
    public int cloturer(String code) {
        Vague vague = vagues.parCode(code).orElseThrow(() -> new ErreurMetier("vague", "Vague inconnue : " + code));
        if (vague.etat() == EtatVague.DELIBEREE) {
            throw new ErreurMetier("vague", "La vague " + code + " est déjà délibérée.");
        }
        vagues.changerEtat(code, EtatVague.CLOSE);
        return reporter(vague, EnumSet.of(StatutDossier.DEPOSE, StatutDossier.EN_INSTRUCTION, StatutDossier.EN_ATTENTE_COMPLEMENTS),
                "Instruction non terminée à la clôture de la vague " + code);
    }

    /**
     * Moves the wave's dossiers in these statuses to the next wave, with a line in their timeline,
     * and their processes' wave with them (Tasklist columns and filters); none if no wave follows.
     */
    int reporter(Vague vague, EnumSet<StatutDossier> statuts, String raison) {
        var concernes = dossiers.parVagueEtStatuts(vague.code(), statuts);
        if (concernes.isEmpty()) {
            return 0;
        }
        Optional<Vague> suivante = vagueSuivante.de(vague);
        Instant maintenant = horloge.instant();
        for (Dossier d : concernes) {
            if (suivante.isEmpty()) {
                journal.noter(d.id(), TypeEvenement.REPORT_VAGUE, raison + " : " + vagueSuivante.sansSuite(vague), true, "système", maintenant);
                continue;
            }
            d.rattacherA(suivante.get().code(), maintenant);
            dossiers.mettreAJour(d);
            processus.vagueChangee(d.numero(), suivante.get().code());
            journal.noter(d.id(), TypeEvenement.REPORT_VAGUE, raison + " : dossier reporté à la vague " + suivante.get().code(), true,
                    "système", maintenant);
        }
        return suivante.isEmpty() ? 0 : concernes.size();
    }
}
