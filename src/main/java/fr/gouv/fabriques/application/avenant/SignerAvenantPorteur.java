package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusAvenant;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.EtatAvenant;
import fr.gouv.fabriques.domain.FichierConvention;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The laureate sends back amendment n°k signed: the convention signature's checks (a PDF recognised
 * by its content, 10 Mo at most, the signatory's name and quality, not the unsigned PDF itself); it is
 * stored with its SHA-256 and the State's signature comes next.
 */
@Service
public class SignerAvenantPorteur {

    private final AvenantRepository avenants;
    private final Journal journal;
    private final ProcessusAvenant processus;
    private final Clock horloge;

    public SignerAvenantPorteur(AvenantRepository avenants, Journal journal, ProcessusAvenant processus, Clock horloge) {
        this.avenants = avenants;
        this.journal = journal;
        this.processus = processus;
        this.horloge = horloge;
    }

    @Transactional
    public Avenant signer(Dossier dossier, int numeroAvenant, String signataire, String nomFichier, byte[] contenu) {
        Instant maintenant = horloge.instant();
        FichierConvention signe = FichierConvention.signeeParLePorteur(dossier.id(), signataire, nomFichier, contenu, maintenant);
        Avenant avenant = avenants.parNumero(dossier.id(), numeroAvenant).filter(a -> a.pdfSha256() != null)
                .orElseThrow(() -> new TelechargerAvenant.AvenantIntrouvable(dossier.numero(), numeroAvenant));
        if (avenant.etat() != EtatAvenant.A_SIGNER) {
            throw new ErreurMetier("fichier", "L'avenant n°" + numeroAvenant + " du dossier " + dossier.numero() + " est « "
                    + avenant.etat().libelle() + " » : il n'attend pas la signature du porteur. Rien n'a été enregistré.");
        }
        if (signe.description().sha256().equals(avenant.pdfSha256())) {
            throw new ErreursValidation("fichier", "ce fichier est l'avenant tel qu'il a été établi, sans signature : "
                    + "déposez-le une fois signé (signature électronique, ou imprimé, signé et numérisé)");
        }
        Avenant signeParLePorteur = avenant.signeParLePorteur(signe.description().signataire(), signe.description().sha256(), maintenant);
        avenants.enregistrerPdfSigne(avenant.id(), contenu, signe.description().nomOriginal());
        avenants.mettreAJour(signeParLePorteur);
        journal.noter(dossier.id(), TypeEvenement.AVENANT_SIGNE_PORTEUR, "Avenant n°" + numeroAvenant + " signé par le porteur ("
                + signe.description().signataire() + ")", true, "porteur", maintenant);
        try {
            processus.signeParLePorteur(dossier.numero());
        } catch (EtapeNonAttendue e) {
            throw new ErreurMetier("fichier", "Le dossier " + dossier.numero() + " n'attend pas la signature de l'avenant n°" + numeroAvenant
                    + " à cette étape. Rien n'a été enregistré.");
        }
        return signeParLePorteur;
    }
}
