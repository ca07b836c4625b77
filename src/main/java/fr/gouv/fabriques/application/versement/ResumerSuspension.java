package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the programme manager needs to decide on a recovery: why payments were
 * suspended, what was paid, what was already recovered. Markdown, for the form.
 */
@Service
public class ResumerSuspension {

    private final DossierRepository dossiers;
    private final ConsulterFinancesDossier finances;
    private final Journal journal;

    public ResumerSuspension(DossierRepository dossiers, ConsulterFinancesDossier finances, Journal journal) {
        this.dossiers = dossiers;
        this.finances = finances;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public String resumer(long dossierId) {
        ConsulterFinancesDossier.Finances f = finances.consulter(dossiers.exiger(dossierId));
        var motifs = EnumSet.of(TypeEvenement.BILAN_EXAMINE, TypeEvenement.DEFAUT_BILAN);
        List<Journal.Evenement> suspensions = journal.evenements(dossierId, false).stream().filter(e -> motifs.contains(e.type())).toList();
        String motif = suspensions.isEmpty() ? "_non trouvé au journal_" : suspensions.get(suspensions.size() - 1).libelle();
        return "**Motif de la suspension** : " + motif + "  \n**Versé** : " + PlafondsFinancement.euros(f.totalVerse())
                + " · **déjà reversé** : " + PlafondsFinancement.euros(f.totalReverse()) + " · **reversement possible au plus** : "
                + PlafondsFinancement.euros(Math.max(0, f.totalVerse() - f.totalReverse()));
    }
}
