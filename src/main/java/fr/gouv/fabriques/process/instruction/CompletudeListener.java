package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.EnregistrerCompletude;
import fr.gouv.fabriques.application.piece.ListerPieces;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.commun.Variables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_VerifierCompletude, form forms/verifier-completude.form.
 * <ul>
 * <li>create: lists the dossier's pieces as links to the agents' API in the task-local
 * variable {@value #VAR_PIECES_JOINTES} (markdown, shown by the form's text component);
 * the task is created again after each answer to a completeness request, so the list
 * then includes the complements;</li>
 * <li>complete: → {@link EnregistrerCompletude}.</li>
 * </ul>
 */
@Component("completudeListener")
class CompletudeListener implements TaskListener {

    static final String VAR_PIECES_JOINTES = "piecesJointes";

    private final EnregistrerCompletude enregistrerCompletude;
    private final ListerPieces listerPieces;

    CompletudeListener(EnregistrerCompletude enregistrerCompletude, ListerPieces listerPieces) {
        this.enregistrerCompletude = enregistrerCompletude;
        this.listerPieces = listerPieces;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            String numero = (String) tache.getVariable(Variables.NUMERO);
            tache.setVariableLocal(VAR_PIECES_JOINTES, liens(numero, listerPieces.duDossier(DossierVariables.dossierId(tache))));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean complet = f.booleenObligatoire("complet", "indiquez si le dossier est complet");
        String pieces = f.texte("piecesManquantes");
        f.verifier();
        boolean resultat = enregistrerCompletude.enregistrer(DossierVariables.dossierId(tache), complet, pieces, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(InstructionProcess.VAR_DOSSIER_COMPLET, resultat);
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
