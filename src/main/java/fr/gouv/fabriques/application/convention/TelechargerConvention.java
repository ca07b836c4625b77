package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The convention's documents, as stored: the laureate gets the one drawn for him, agents both. */
@Service
public class TelechargerConvention {

    private final DossierRepository dossiers;
    private final DocumentConventionRepository documents;

    public TelechargerConvention(DossierRepository dossiers, DocumentConventionRepository documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    /** The laureate's dossier, reached with its token. */
    @Transactional(readOnly = true)
    public FichierConvention pourLePorteur(Dossier dossier) {
        return document(dossier, NatureDocumentConvention.GENEREE);
    }

    /** Any dossier, for an agent: unknown number → DossierIntrouvable. */
    @Transactional(readOnly = true)
    public FichierConvention pourUnAgent(String numero, NatureDocumentConvention nature) {
        return document(dossiers.exigerNumero(numero), nature);
    }

    private FichierConvention document(Dossier dossier, NatureDocumentConvention nature) {
        return documents.fichier(dossier.id(), nature).orElseThrow(() -> new DocumentConventionIntrouvable(
                nature == NatureDocumentConvention.GENEREE
                        ? "La convention du dossier " + dossier.numero() + " n'est pas encore établie."
                        : "Le porteur du dossier " + dossier.numero() + " n'a pas encore déposé la convention signée."));
    }
}
