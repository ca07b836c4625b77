package fr.gouv.fabriques.process.dossier;

import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.process.comite.DecisionComiteProcess;
import fr.gouv.fabriques.process.commun.Variables;
import fr.gouv.fabriques.process.convention.ConventionProcess;
import fr.gouv.fabriques.process.instruction.InstructionProcess;
import fr.gouv.fabriques.process.versement.VersementProcess;
import fr.gouv.fabriques.domain.ErreurMetier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine side of {@link ProcessusDossier}: starts the dossier's process and correlates the applicant's messages. */
@Component
class ProcessusDossierMoteur implements ProcessusDossier {

    private final RuntimeService runtime;

    ProcessusDossierMoteur(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void demarrer(Dossier d) {
        runtime.createProcessInstanceByKey(DossierProcess.CLE)
                .businessKey(d.numero())
                .setVariable(Variables.DOSSIER_ID, d.id())
                .setVariable(Variables.NUMERO, d.numero())
                .setVariable(Variables.STRUCTURE, d.structure().raisonSociale())
                .setVariable(Variables.CATEGORIE, d.categorie().name())
                .setVariable(Variables.VAGUE, d.vague())
                .setVariable(Variables.DEPARTEMENT, d.structure().adresse().departement())
                .execute();
    }

    @Override
    public void complementsRecus(String numero) {
        runtime.createMessageCorrelation(InstructionProcess.MESSAGE_COMPLEMENTS_RECUS)
                .processInstanceBusinessKey(numero)
                .correlateWithResult();
    }

    @Override
    public void decisionPubliee(String numero, TypeDecision decision) {
        try {
            runtime.createMessageCorrelation(DecisionComiteProcess.MESSAGE_DECISION_PUBLIEE)
                    .processInstanceBusinessKey(numero)
                    .setVariable(DossierProcess.VAR_DECISION_COMITE, decision.name())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // The dossier's process has not reached the committee step yet (its previous step is still running):
            // nothing is published, the manager tries again a moment later.
            throw new ErreurMetier("decisions", "Le dossier " + numero + " n'attend pas encore la décision du comité (son étape "
                    + "précédente est en cours de traitement) : rien n'a été publié, recommencez dans un instant.");
        }
    }

    @Override
    public void conventionSigneeParLePorteur(String numero) {
        runtime.createMessageCorrelation(ConventionProcess.MESSAGE_SIGNATURE_PORTEUR)
                .processInstanceBusinessKey(numero)
                .correlateWithResult();
    }

    @Override
    public void bilanDepose(String numero, int annee) {
        runtime.createMessageCorrelation(VersementProcess.MESSAGE_BILAN_DEPOSE)
                .processInstanceBusinessKey(numero)
                .processInstanceVariableEquals(VersementProcess.VAR_ANNEE_BILAN, annee)
                .correlateWithResult();
    }
}
