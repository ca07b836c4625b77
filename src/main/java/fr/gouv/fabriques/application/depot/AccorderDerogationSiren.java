package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.port.DerogationSirenRepository;
import fr.gouv.fabriques.domain.DerogationSiren;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Siren;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager lets one more deposit of a company (SIREN) through « une Fabrique par structure »
 * ({@link fr.gouv.fabriques.domain.UneFabriqueParStructure}), with a recorded reason: the next deposit
 * of that SIREN that the rule would refuse uses it ({@link DeposerDossier}).
 */
@Service
public class AccorderDerogationSiren {

    static final int MOTIF_MAX = 2000;
    static final int RAISON_SOCIALE_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AccorderDerogationSiren.class);

    private final DerogationSirenRepository derogations;
    private final Clock horloge;

    public AccorderDerogationSiren(DerogationSirenRepository derogations, Clock horloge) {
        this.derogations = derogations;
        this.horloge = horloge;
    }

    @Transactional
    public DerogationSiren accorder(String siren, String motif, String raisonSociale, String gestionnaire) {
        List<Violation> v = new ArrayList<>();
        Siren.erreur(siren).ifPresent(e -> v.add(new Violation("siren", e)));
        if (motif == null || motif.isBlank()) {
            v.add(new Violation("motif", "motivez la dérogation (par exemple : second tiers-lieu d'un réseau) : le motif est inscrit au "
                    + "journal du dossier qu'elle admettra"));
        } else if (motif.strip().length() > MOTIF_MAX) {
            v.add(new Violation("motif", "le motif fait " + MOTIF_MAX + " caractères au plus (reçu : " + motif.strip().length() + ")"));
        }
        String raison = raisonSociale == null || raisonSociale.isBlank() ? null : raisonSociale.strip();
        if (raison != null && raison.length() > RAISON_SOCIALE_MAX) {
            v.add(new Violation("raisonSociale", "la raison sociale fait " + RAISON_SOCIALE_MAX + " caractères au plus (reçu : "
                    + raison.length() + ")"));
        }
        if (!v.isEmpty()) {
            throw new ErreursValidation(v);
        }
        DerogationSiren d = derogations.ajouter(siren, motif.strip(), raison, gestionnaire, horloge.instant());
        LOG.info("Dérogation n° {} à « une Fabrique par structure » pour le SIREN {} accordée par {}", d.id(), siren, gestionnaire);
        return d;
    }
}
