package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Décider du dossier »: the committee's decision on dossiers of a wave's agenda, one
 * at a time (a decision task per dossier in Tasklist) or in bulk (the agents' API).
 * Every line is checked; the decisions are recorded as proposals until a programme
 * manager publishes them.
 */
@Service
public class ProposerDecisions {

    private final VagueRepository vagues;
    private final ClassementVague classement;
    private final DecisionComiteRepository decisions;
    private final PlafondsFinancement plafonds;
    private final Clock horloge;

    public ProposerDecisions(VagueRepository vagues, ClassementVague classement, DecisionComiteRepository decisions,
            PlafondsFinancement plafonds, Clock horloge) {
        this.vagues = vagues;
        this.classement = classement;
        this.decisions = decisions;
        this.plafonds = plafonds;
        this.horloge = horloge;
    }

    /** The committee's decision already recorded on this dossier of the wave's agenda, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<ClassementVague.Ligne> aLOrdreDuJour(String codeVague, String numero) {
        return classement.dossierASeance(codeVague, numero);
    }

    /** One line of the committee's table. Amounts may be null unless laureate. */
    public record Ligne(String numero, String decision, Integer montant1, Integer montant2, Integer montant3, String motivation) {
    }

    /** @return the number of decisions recorded */
    @Transactional
    public int proposer(String codeVague, List<Ligne> lignes, String membre) {
        Vague vague = vagues.parCode(codeVague).orElseThrow(() -> new ErreurMetier("vague", "Vague inconnue : " + codeVague));
        if (vague.etat() != EtatVague.CLOSE) {
            throw new ErreurMetier("vague", "La vague " + codeVague + " est « " + vague.etat() + " » : le comité délibère sur une vague close, non encore délibérée.");
        }
        Map<String, ClassementVague.Ligne> aSeance = new HashMap<>();
        if (lignes.size() == 1 && lignes.get(0).numero() != null) {
            // One decision task: read that dossier only, not the whole agenda of a wave of hundreds.
            classement.dossierASeance(codeVague, lignes.get(0).numero()).ifPresent(l -> aSeance.put(l.numero(), l));
        } else {
            classement.dossiersASeance(codeVague).forEach(l -> aSeance.put(l.numero(), l));
        }
        List<Violation> violations = new ArrayList<>();
        List<DecisionComite> prises = new ArrayList<>();
        Set<String> vus = new HashSet<>();
        Instant maintenant = horloge.instant();
        for (int i = 0; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            String prefixe = "decisions[" + i + "]";
            ClassementVague.Ligne dossier = l.numero() == null ? null : aSeance.get(l.numero());
            if (dossier == null) {
                violations.add(new Violation(prefixe + ".numero", "le dossier « " + l.numero() + " » n'est pas à l'ordre du jour de la vague " + codeVague));
                continue;
            }
            if (!vus.add(l.numero())) {
                violations.add(new Violation(prefixe + ".numero", "le dossier " + l.numero() + " figure deux fois"));
                continue;
            }
            TypeDecision type;
            try {
                type = l.decision() == null ? null : TypeDecision.valueOf(l.decision());
            } catch (IllegalArgumentException e) {
                type = null;
            }
            if (type == null) {
                violations.add(new Violation(prefixe + ".decision", l.numero() + " : décision attendue LAUREAT, REFUSE ou AJOURNE (reçu : « " + l.decision() + " »)"));
                continue;
            }
            MontantsAnnuels montants = null;
            if (type == TypeDecision.LAUREAT) {
                if (l.montant1() == null || l.montant2() == null || l.montant3() == null) {
                    violations.add(new Violation(prefixe + ".montants", l.numero() + " : un lauréat a un montant pour chacune des 3 années"));
                    continue;
                }
                montants = new MontantsAnnuels(l.montant1(), l.montant2(), l.montant3());
            }
            try {
                prises.add(DecisionComite.prendre(dossier.dossierId(), codeVague, type, montants, l.motivation(), membre, maintenant, plafonds));
            } catch (ErreursValidation e) {
                for (Violation v : e.violations()) {
                    violations.add(new Violation(prefixe + "." + v.champ(), l.numero() + " : " + v.message()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        Map<Long, ClassementVague.Ligne> parId = new HashMap<>();
        aSeance.values().forEach(l -> parId.put(l.dossierId(), l));
        for (DecisionComite d : prises) {
            ClassementVague.Ligne dossier = parId.get(d.dossierId());
            long engagement = d.decision() == TypeDecision.LAUREAT ? plafonds.engagement(d.montants(), dossier.categorie()) : 0;
            decisions.proposer(d, engagement);
        }
        return prises.size();
    }
}
