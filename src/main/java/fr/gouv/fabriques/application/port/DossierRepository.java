package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Dossier;
import java.util.Optional;

/** Where dossiers are kept (PostgreSQL). */
public interface DossierRepository {

    /** Inserts a new dossier with the hash of its applicant token; returns it with its id. */
    Dossier ajouter(Dossier dossier, String jetonHash);

    Optional<Dossier> parId(long id);

    Optional<Dossier> parNumero(String numero);

    /** The dossier whose number and token hash match; empty otherwise (never says which one failed). */
    Optional<Dossier> parNumeroEtJeton(String numero, String jetonHash);

    /** Saves status, wave and timestamps; refused if someone else changed the dossier meanwhile. */
    void mettreAJour(Dossier dossier);

    boolean existeDossierOuvertPourSiret(String siret);

    /** The dossiers of a wave in one of the given statuses. */
    java.util.List<Dossier> parVagueEtStatuts(String vague, java.util.Set<fr.gouv.fabriques.domain.StatutDossier> statuts);

    default Dossier exiger(long id) {
        return parId(id).orElseThrow(() -> new DossierIntrouvable(String.valueOf(id)));
    }

    default Dossier exigerNumero(String numero) {
        return parNumero(numero).orElseThrow(() -> new DossierIntrouvable(numero));
    }
}
