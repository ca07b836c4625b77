package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Avenant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The amendments of a dossier's convention, in order: its history of versions. */
@Service
public class ConsulterAvenants {

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;

    public ConsulterAvenants(DossierRepository dossiers, AvenantRepository avenants) {
        this.dossiers = dossiers;
        this.avenants = avenants;
    }

    @Transactional(readOnly = true)
    public List<Avenant> duDossier(String numero) {
        return avenants.duDossier(dossiers.exigerNumero(numero).id());
    }
}
