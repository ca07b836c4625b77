package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Versement;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which year a dossier's payment tasks and report tasks are about, read from the database
 * rather than from a process variable: payments are made in order, one year after the other
 * (the payment of year n needs the approved report of year n−1), so
 * <ul>
 * <li>the payment in progress is the first planned one not yet issued;</li>
 * <li>the report awaited is that of the first paid year whose report is not approved yet.</li>
 * </ul>
 */
@Service
public class EtapeEnCours {

    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final BilanRepository bilans;

    public EtapeEnCours(DossierRepository dossiers, VersementRepository versements, BilanRepository bilans) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.bilans = bilans;
    }

    /** The first planned payment not yet issued. */
    @Transactional(readOnly = true)
    public Versement versement(long dossierId) {
        return versements.parDossier(dossierId).stream().filter(v -> !v.estEmis()).min(Comparator.comparingInt(Versement::annee))
                .orElseThrow(() -> new ErreurMetier("Aucun versement du dossier " + dossiers.exiger(dossierId).numero()
                        + " n'est à ordonnancer : tous ceux de l'échéancier sont émis."));
    }

    /** The year of the report awaited: the first paid year whose report is not approved. */
    @Transactional(readOnly = true)
    public int anneeBilanAttendu(long dossierId) {
        List<Versement> emis = versements.parDossier(dossierId).stream().filter(Versement::estEmis)
                .sorted(Comparator.comparingInt(Versement::annee)).toList();
        for (Versement v : emis) {
            boolean approuve = bilans.parDossierEtAnnee(dossierId, v.annee()).map(b -> b.decision() == DecisionBilan.APPROUVE).orElse(false);
            if (!approuve) {
                return v.annee();
            }
        }
        throw new ErreurMetier("Aucun bilan n'est attendu du dossier " + dossiers.exiger(dossierId).numero()
                + " : chaque année versée a son bilan approuvé.");
    }
}
