package fr.gouv.fabriques.application.fin;

import fr.gouv.fabriques.application.port.FinDossierRepository;
import fr.gouv.fabriques.application.port.FinDossierRepository.Nature;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant ends his dossier (API, with his token): before the committee's decision it is
 * a withdrawal (« retiré »), once laureate a renunciation (« renoncé »), before or after signing
 * the convention. Effective at once ({@link FinirDossier}).
 */
@Service
public class RetirerDossier {

    private static final EnumSet<StatutDossier> AVANT_DECISION = EnumSet.of(StatutDossier.DEPOSE, StatutDossier.EN_INSTRUCTION,
            StatutDossier.EN_ATTENTE_COMPLEMENTS, StatutDossier.INSTRUIT, StatutDossier.AJOURNE);

    private final FinDossierRepository fins;
    private final FinirDossier finir;
    private final Clock horloge;

    public RetirerDossier(FinDossierRepository fins, FinirDossier finir, Clock horloge) {
        this.fins = fins;
        this.finir = finir;
        this.horloge = horloge;
    }

    /** @return the dossier's final status (RETIRE or RENONCE) */
    @Transactional
    public StatutDossier retirer(Dossier dossier, String motif) {
        if (motif == null || motif.strip().length() < 5 || motif.length() > 2000) {
            throw new ErreursValidation("motif", "dites en quelques mots pourquoi vous retirez le dossier (5 à 2 000 caractères)");
        }
        if (dossier.statut().estFinal()) {
            throw new ErreurMetier("Le dossier " + dossier.numero() + " est « " + dossier.statut().libelle() + " » : il est clos, "
                    + "il n'y a plus rien à retirer.");
        }
        boolean retrait = AVANT_DECISION.contains(dossier.statut());
        Nature nature = retrait ? Nature.RETRAIT : Nature.RENONCIATION;
        StatutDossier fin = retrait ? StatutDossier.RETIRE : StatutDossier.RENONCE;
        Instant maintenant = horloge.instant();
        long id = fins.demander(dossier.id(), nature, motif.strip(), "porteur", maintenant);
        fins.decider(id, FinDossierRepository.Etat.VALIDEE, "porteur", maintenant, null);
        finir.finir(dossier, nature, fin, TypeEvenement.DOSSIER_RETIRE, (retrait ? "Dossier retiré par le porteur : "
                : "Le lauréat renonce à la subvention : ") + motif.strip() + ".", "porteur", maintenant);
        return fin;
    }
}
