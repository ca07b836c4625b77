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

    /**
     * Serialises the deposits of one company (SIREN) until the end of the caller's transaction, so
     * that two deposits of the same SIREN at the same instant cannot both pass the
     * « une Fabrique par structure » check: the second waits, then sees the first one's dossier.
     */
    void verrouillerSiren(String siren);

    /** Every dossier ever deposited for a SIRET of this SIREN: its SIRET and status (one query for both deposit checks). */
    java.util.List<DossierDeStructure> dossiersDuSiren(String siren);

    /** A dossier of a company: the establishment (SIRET) that deposited it, and its status. */
    record DossierDeStructure(String siret, fr.gouv.fabriques.domain.StatutDossier statut) {
    }

    /** The dossiers of a wave in one of the given statuses. */
    java.util.List<Dossier> parVagueEtStatuts(String vague, java.util.Set<fr.gouv.fabriques.domain.StatutDossier> statuts);

    /** An amendment changed the beneficiary's SIRET (restructuring); the previous one stays in the amendment's record. */
    void changerSiret(long dossierId, String siret, java.time.Instant le);

    /** Each as {@link #mettreAJour}, in one batch (the same optimistic check on every one). */
    default void mettreAJourTous(java.util.List<Dossier> dossiers) {
        dossiers.forEach(this::mettreAJour);
    }

    /** The dossiers of these ids, in one query (those that exist). */
    java.util.List<Dossier> parIds(java.util.Collection<Long> ids);

    default Dossier exiger(long id) {
        return parId(id).orElseThrow(() -> new DossierIntrouvable(String.valueOf(id)));
    }

    default Dossier exigerNumero(String numero) {
        return parNumero(numero).orElseThrow(() -> new DossierIntrouvable(numero));
    }
}
