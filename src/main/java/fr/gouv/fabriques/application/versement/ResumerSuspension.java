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
 * What the programme manager needs to decide on a suspension: why payments were
 * suspended, what was paid, what was already recovered; and what the finance service needs
 * to record the recovery. Markdown, for the forms.
 */
@Service
public class ResumerSuspension {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(fr.gouv.fabriques.domain.Vague.FUSEAU);
    private final DossierRepository dossiers;
    private final ConsulterFinancesDossier finances;
    private final Journal journal;
    private final fr.gouv.fabriques.application.port.ReversementRepository reversements;

    public ResumerSuspension(DossierRepository dossiers, ConsulterFinancesDossier finances, Journal journal,
            fr.gouv.fabriques.application.port.ReversementRepository reversements) {
        this.dossiers = dossiers;
        this.finances = finances;
        this.journal = journal;
        this.reversements = reversements;
    }

    /** The recovery ordered and, once recorded, the amount received: for the finance service's two forms. */
    @Transactional(readOnly = true)
    public String reversementOrdonne(long dossierId) {
        return reversements.dernier(dossierId).map(r -> "**Reversement ordonné** le " + DATE.format(r.decideLe()) + " par " + r.decidePar()
                + " : **" + PlafondsFinancement.euros(r.montant()) + "** — " + r.motif().replace("\n", " ")
                + (r.recuMontant() == null ? "" : "  \n**Montant reçu enregistré** : **" + PlafondsFinancement.euros(r.recuMontant())
                        + "**, par " + r.recuEnregistrePar() + " le " + DATE.format(r.recuEnregistreLe())))
                .orElse("_Aucun reversement ordonné._");
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
