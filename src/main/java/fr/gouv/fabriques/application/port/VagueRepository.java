package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface VagueRepository {

    Optional<Vague> parCode(String code);

    /** The open wave of a call whose deadline is still ahead (the earliest one if several). */
    Optional<Vague> ouvertePour(Appel appel, Instant maintenant);

    List<Vague> toutes();

    /** Creates the wave if its code is unknown; returns whether it was created. */
    boolean ajouterSiAbsente(Vague vague);
}
