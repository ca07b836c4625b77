package fr.gouv.fabriques.application.porteur;

import fr.gouv.fabriques.application.Jetons;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Dossier;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The applicant reaches a dossier with its number and the token received at deposit.
 * A wrong token and an unknown number look the same from outside.
 */
@Service
public class AccesPorteur {

    private final DossierRepository dossiers;

    public AccesPorteur(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public Optional<Dossier> dossier(String numero, String jeton) {
        if (numero == null || jeton == null || jeton.isBlank() || numero.length() > 32) {
            return Optional.empty();
        }
        return dossiers.parNumeroEtJeton(numero, Jetons.empreinte(jeton));
    }
}
