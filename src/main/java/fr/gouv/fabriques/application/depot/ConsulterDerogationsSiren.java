package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.port.DerogationSirenRepository;
import fr.gouv.fabriques.domain.DerogationSiren;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Siren;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exceptions to « une Fabrique par structure » granted so far: who, when, why, and which dossier used each. */
@Service
public class ConsulterDerogationsSiren {

    private final DerogationSirenRepository derogations;

    public ConsulterDerogationsSiren(DerogationSirenRepository derogations) {
        this.derogations = derogations;
    }

    /** Newest first; those of one SIREN only when given (validated: 422 on the field « siren »). */
    @Transactional(readOnly = true)
    public List<DerogationSiren> lister(Optional<String> siren) {
        siren.ifPresent(Siren::new);
        return derogations.lister(siren);
    }

    @Transactional(readOnly = true)
    public Optional<DerogationSiren> parId(long id) {
        return derogations.parId(id);
    }
}
