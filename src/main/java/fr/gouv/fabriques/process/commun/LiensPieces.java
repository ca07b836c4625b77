package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.domain.Piece;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Attachments as markdown links to the agents' API, for the text components of
 * Camunda Forms (the agent's Tasklist session opens them without a second login).
 */
public final class LiensPieces {

    private LiensPieces() {
    }

    /** « - [statuts.pdf (PDF, 120 Ko, statuts)](/api/agents/dossiers/FDT-2026-0001/pieces/12) », one line a piece. */
    public static String markdown(String numero, List<Piece> pieces) {
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
    public static String echapper(String texte) {
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
