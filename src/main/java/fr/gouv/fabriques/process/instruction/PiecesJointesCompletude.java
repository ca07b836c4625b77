package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.process.commun.LiensPieces;

import fr.gouv.fabriques.application.piece.ListerPieces;
import fr.gouv.fabriques.application.port.TachesCompletude;
import fr.gouv.fabriques.domain.Piece;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The task-local variable {@value #VARIABLE} of UserTask_VerifierCompletude: the dossier's
 * pieces as a markdown list of links to the agents' API, shown by the text component of
 * forms/verifier-completude.form. Set when the task is created ({@link CompletudeListener})
 * and again at each upload, in the upload's transaction.
 */
@Component
class PiecesJointesCompletude implements TachesCompletude {

    static final String VARIABLE = "piecesJointes";

    private final ListerPieces listerPieces;
    private final TaskService taches;

    PiecesJointesCompletude(ListerPieces listerPieces, TaskService taches) {
        this.listerPieces = listerPieces;
        this.taches = taches;
    }

    String valeur(long dossierId, String numero) {
        return LiensPieces.markdown(numero, listerPieces.duDossier(dossierId));
    }

    @Override
    public void piecesModifiees(long dossierId, String numero) {
        List<Task> ouvertes = taches.createTaskQuery().processInstanceBusinessKey(numero)
                .taskDefinitionKey(InstructionProcess.TACHE_VERIFIER_COMPLETUDE).list();
        if (ouvertes.isEmpty()) {
            return;
        }
        String valeur = valeur(dossierId, numero);
        for (Task t : ouvertes) {
            try {
                taches.setVariableLocal(t.getId(), VARIABLE, valeur);
            } catch (OptimisticLockingException e) {
                // The instructor completed the task at that very moment: the upload is rolled back, to be sent again.
                throw new OptimisticLockingFailureException("La tâche « Vérifier la complétude » du dossier " + numero
                        + " vient d'être traitée : renvoyez les pièces.", e);
            }
        }
    }

}
