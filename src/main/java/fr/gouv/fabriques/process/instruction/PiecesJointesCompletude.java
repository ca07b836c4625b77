package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.piece.ListerPieces;
import fr.gouv.fabriques.application.port.TachesCompletude;
import fr.gouv.fabriques.domain.Piece;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return liens(numero, listerPieces.duDossier(dossierId));
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

    /** « - [statuts.pdf (PDF, 120 Ko, statuts)](/api/agents/dossiers/FDT-2026-0001/pieces/12) », one line a piece. */
    static String liens(String numero, List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return "_Aucune pièce jointe déposée pour l'instant._";
        }
        StringBuilder md = new StringBuilder();
        for (Piece p : pieces) {
            md.append(md.isEmpty() ? "" : "\n").append("- [").append(echapper(p.nom())).append(" (").append(p.type().libelle())
                    .append(", ").append(Piece.tailleLisible(p.taille())).append(", ").append(p.categorie().libelle()).append(")](")
                    .append("/api/agents/dossiers/").append(URLEncoder.encode(numero, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append("/pieces/").append(p.id()).append(')');
        }
        return md.toString();
    }

    /** A file name is the applicant's text: no markdown or HTML of his may reach the agent's form. */
    static String echapper(String texte) {
        StringBuilder sb = new StringBuilder();
        for (char c : texte.toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
