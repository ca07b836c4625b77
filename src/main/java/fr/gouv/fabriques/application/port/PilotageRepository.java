package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.pilotage.Perimetre;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The programme's figures counted in the database, over the dossiers of a perimeter (a wave, a call, all). */
public interface PilotageRepository {

    /** Dossiers with this key (status, call, région) and, among them, those in a status of {@code laureats}. */
    record Compte(String cle, long nombre, long laureats) {
    }

    record CompteVague(String code, String appel, String etat, Instant dateLimite, long nombre, long laureats) {
    }

    record CompteDepartement(String departement, String region, long nombre, long laureats) {
    }

    /** Euros: payment orders issued, recoveries received (validated), commitments released. */
    record Flux(long verse, long recouvre, long libere) {
    }

    /** Days between the two dates of a step, over the dossiers that have both; null quantiles when none. */
    record Duree(String etape, long nombre, Double mediane, Double centile90) {
    }

    List<Compte> parStatut(Perimetre p);

    /** Every wave of the perimeter, dossiers or not, by deadline. */
    List<CompteVague> parVague(Perimetre p, Set<StatutDossier> laureats);

    List<Compte> parAppel(Perimetre p, Set<StatutDossier> laureats);

    List<Compte> parRegion(Perimetre p, Set<StatutDossier> laureats);

    List<CompteDepartement> parDepartement(Perimetre p, Set<StatutDossier> laureats);

    Flux flux(Perimetre p);

    /** One line per step of {@link fr.gouv.fabriques.application.pilotage.EtapeDelai}, by its name. */
    List<Duree> durees(Perimetre p);
}
