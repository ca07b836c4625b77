package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.convention.ConventionProperties;
import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EditeurAvenant;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.EtatAvenant;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.FichierConvention;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Établir l'avenant »: the validated amendment's PDF is drawn from its template and stored with its
 * SHA-256; the laureate is told to download, sign and send it back. A retried job draws nothing more.
 */
@Service
public class EtablirAvenant {

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;
    private final ConventionRepository conventions;
    private final EditeurAvenant editeur;
    private final Delais delais;
    private final ConventionProperties proprietes;
    private final Journal journal;
    private final Clock horloge;

    public EtablirAvenant(DossierRepository dossiers, AvenantRepository avenants, ConventionRepository conventions, EditeurAvenant editeur,
            Delais delais, ConventionProperties proprietes, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.avenants = avenants;
        this.conventions = conventions;
        this.editeur = editeur;
        this.delais = delais;
        this.proprietes = proprietes;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void etablir(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Avenant avenant = avenants.enCours(dossierId).filter(a -> a.etat() == EtatAvenant.A_SIGNER)
                .orElseThrow(() -> new ErreurMetier("avenant", "Aucun avenant validé à établir pour le dossier " + dossier.numero() + "."));
        if (avenant.pdfSha256() != null) {
            return;
        }
        Instant maintenant = horloge.instant();
        byte[] pdf = editeur.editer(ContenuAvenant.de(dossier, avenant, conventions.exiger(dossierId).supplementNumerique(), delais,
                proprietes.representantEtat(), maintenant));
        avenants.enregistrerPdf(avenant.id(), pdf);
        avenants.mettreAJour(avenant.etabli(FichierConvention.sha256(pdf), maintenant));
        journal.noter(dossierId, TypeEvenement.AVENANT_A_SIGNER, "Avenant n°" + avenant.numero() + " à la convention établi : à signer "
                + "par le porteur (" + DecrireAvenant.changements(avenant) + ")", true, "système", maintenant);
    }

    /** The name a downloaded amendment gets: avenant-FDT-2026-0001-1.pdf. */
    public static String nomFichier(String numero, int k) {
        return "avenant-" + numero + "-" + k + ".pdf";
    }
}
