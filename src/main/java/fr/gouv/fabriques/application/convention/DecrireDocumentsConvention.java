package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.Vague;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two documents the State's signatory compares before signing, as links for the form of
 * « Signer la convention pour l'État » (Markdown, as form-js text components render it). The
 * links open in the agent's Tasklist session.
 */
@Service
public class DecrireDocumentsConvention {

    /** Where agents download a dossier's convention documents (web/ConventionAgentsController). */
    public static final String CHEMIN_AGENTS = "/api/agents/dossiers/%s/convention";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(Vague.FUSEAU);

    private final DossierRepository dossiers;
    private final DocumentConventionRepository documents;

    public DecrireDocumentsConvention(DossierRepository dossiers, DocumentConventionRepository documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public String decrire(long dossierId) {
        Dossier d = dossiers.exiger(dossierId);
        String base = String.format(CHEMIN_AGENTS, d.numero());
        StringBuilder sb = new StringBuilder("**Documents de la convention ").append(ContenuConvention.reference(d.numero()))
                .append("**\n\n");
        ligne(sb, documents.description(dossierId, NatureDocumentConvention.GENEREE), "Convention établie", base, "établie");
        ligne(sb, documents.description(dossierId, NatureDocumentConvention.SIGNEE_PORTEUR), "Convention signée par le porteur",
                base + "/signee", "déposée");
        sb.append("\nVérifiez que la convention signée par le porteur est bien la convention établie, signée, avant de signer pour l'État.");
        return sb.toString();
    }

    private static void ligne(StringBuilder sb, Optional<DocumentConvention> document, String titre, String lien, String verbe) {
        if (document.isEmpty()) {
            sb.append("- ").append(titre).append(" : _document absent_\n");
            return;
        }
        DocumentConvention doc = document.get();
        sb.append("- [").append(titre).append(" (PDF, ").append(kilo(doc.taille())).append(")](").append(lien).append(") — ")
                .append(verbe).append(" le ").append(DATE.format(doc.creeLe()));
        if (doc.signataire() != null) {
            sb.append(" par ").append(echapper(doc.signataire()));
        }
        sb.append(" — SHA-256 `").append(doc.sha256()).append("`\n");
    }

    private static String kilo(long octets) {
        return octets < 1024 ? octets + " octets" : String.format(Locale.FRANCE, "%,d Ko", (octets + 1023) / 1024).replace('\u202f', ' ');
    }

    /** What the applicant typed stays text: no link, no emphasis, no HTML. */
    static String echapper(String texte) {
        return texte.replaceAll("([\\\\`*_\\[\\]()#+!<>|{}~-])", "\\\\$1").replace('\n', ' ');
    }
}
