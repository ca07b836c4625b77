package fr.gouv.fabriques.application.donnees;

import fr.gouv.fabriques.application.fiche.ConsulterFicheDossier;
import fr.gouv.fabriques.application.fiche.FicheDossier;
import fr.gouv.fabriques.application.port.DonneesPersonnellesRepository;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.domain.Siret;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A right-of-access request (RGPD, article 15): everything held about a structure, by its
 * SIRET — each of its dossiers' sheet (request, contact, pieces' list, opinions, decisions,
 * convention, payments, timeline) and every mail sent to it.
 */
@Service
public class ExporterDonneesStructure {

    private final DonneesPersonnellesRepository donnees;
    private final ConsulterFicheDossier fiches;
    private final Clock horloge;

    public ExporterDonneesStructure(DonneesPersonnellesRepository donnees, ConsulterFicheDossier fiches, Clock horloge) {
        this.donnees = donnees;
        this.fiches = fiches;
        this.horloge = horloge;
    }

    public record DossierExporte(FicheDossier fiche, List<DonneesPersonnellesRepository.Courriel> courriels) {
    }

    public record Export(String siret, Instant exporteLe, String exportePar, List<DossierExporte> dossiers) {
    }

    @Transactional(readOnly = true)
    public Export exporter(String siret, String agent) {
        new Siret(siret);
        List<String> numeros = donnees.numerosParSiret(siret);
        if (numeros.isEmpty()) {
            throw new DossierIntrouvable("pour le SIRET " + siret);
        }
        return new Export(siret, horloge.instant(), agent, numeros.stream()
                .map(n -> new DossierExporte(fiches.consulter(n), donnees.courriels(n))).toList());
    }
}
