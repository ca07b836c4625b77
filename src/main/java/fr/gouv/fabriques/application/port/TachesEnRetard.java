package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;

/** The engine's open tasks past their due date, by candidate group. */
public interface TachesEnRetard {

    /** An overdue task offered to {@code groupe}; {@code numero} is its dossier's, null for a wave's task. */
    record Tache(String groupe, String nom, Instant echeance, String numero) {
    }

    /** Each (candidate group, task) pair of the active tasks due before {@code maintenant}, the oldest due first. */
    List<Tache> avant(Instant maintenant);
}
