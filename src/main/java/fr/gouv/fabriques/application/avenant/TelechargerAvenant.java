package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.convention.DocumentConventionIntrouvable;
import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PDFs of amendment n°k: as drawn (laureate and agents), as signed by the laureate (agents). */
@Service
public class TelechargerAvenant {

    /** No such amendment, or its PDF is not drawn yet: 404. */
    public static class AvenantIntrouvable extends DocumentConventionIntrouvable {
        public AvenantIntrouvable(String numero, int k) {
            super("Le dossier " + numero + " n'a pas d'avenant n°" + k + " établi");
        }
    }

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;

    public TelechargerAvenant(DossierRepository dossiers, AvenantRepository avenants) {
        this.dossiers = dossiers;
        this.avenants = avenants;
    }

    @Transactional(readOnly = true)
    public FichierConvention etabli(Dossier dossier, int k) {
        Avenant a = avenants.parNumero(dossier.id(), k).orElseThrow(() -> new AvenantIntrouvable(dossier.numero(), k));
        byte[] pdf = avenants.pdf(a.id()).orElseThrow(() -> new AvenantIntrouvable(dossier.numero(), k));
        return new FichierConvention(new DocumentConvention(dossier.id(), NatureDocumentConvention.GENEREE, a.pdfSha256(), pdf.length,
                EtablirAvenant.nomFichier(dossier.numero(), k), null, a.etabliLe()), pdf);
    }

    @Transactional(readOnly = true)
    public FichierConvention etabli(String numero, int k) {
        return etabli(dossiers.exigerNumero(numero), k);
    }

    @Transactional(readOnly = true)
    public FichierConvention signe(String numero, int k) {
        Dossier dossier = dossiers.exigerNumero(numero);
        Avenant a = avenants.parNumero(dossier.id(), k).orElseThrow(() -> new AvenantIntrouvable(numero, k));
        byte[] pdf = avenants.pdfSigne(a.id()).orElseThrow(() -> new DocumentConventionIntrouvable("L'avenant n°" + k + " du dossier "
                + numero + " n'est pas encore signé par le porteur"));
        return new FichierConvention(new DocumentConvention(dossier.id(), NatureDocumentConvention.SIGNEE_PORTEUR, a.signeSha256(),
                pdf.length, "avenant-signe-" + numero + "-" + k + ".pdf", a.signatairePorteur(), a.signePorteurLe()), pdf);
    }
}
