package fr.gouv.fabriques.application.pilotage;

import java.time.Instant;
import java.util.List;

/**
 * The programme at a glance, for the Cockpit « Programme » page: quotas, envelope, pipeline, geography,
 * delays and overdue tasks. Every count carries the link of the filtered dossier list behind it
 * ({@code /agents/dossiers?…}, {@link LienListeDossiers}), every cited dossier the link of its page.
 *
 * <p>Quotas and the envelope's totals are the programme's (all waves); the other sections follow the
 * {@link Perimetre} (a wave, a call, or everything).
 */
public record Pilotage(Instant calculeLe, Perimetre perimetre, int totalFabriques, List<Quota> quotas, Enveloppe enveloppe,
        Pipeline pipeline, Geographie geographie, List<Delai> delais, Retards tachesEnRetard, boolean listeOuverte) {

    /**
     * The same figures for an agent who may, or may not, open the list of dossiers and their sheets
     * ({@link fr.gouv.fabriques.application.LecteursDossier}): analysts see the programme's figures, not the dossiers
     * behind them, so their page shows the numbers without links.
     */
    public Pilotage pourLecteur(boolean ouverte) {
        return new Pilotage(calculeLe, perimetre, totalFabriques, quotas, enveloppe, pipeline, geographie, delais, tachesEnRetard, ouverte);
    }

    /** Laureates of a category against its quota; {@code dossiers} lists the dossiers that hold a place. */
    public record Quota(String categorie, String libelle, int quota, int laureats, int placesRestantes, String dossiers) {
    }

    /**
     * Amounts in euros. {@code enveloppe}, {@code engage} and {@code restant} are the programme's counters (all waves);
     * {@code verse} (payment orders issued), {@code recouvre} (recoveries received and validated) and {@code libere}
     * (given back: the whole commitment of a lapsed convention, what was not paid of a convention ended early) are summed over
     * the perimeter's dossiers, with the same rules as a dossier's finances.
     */
    public record Enveloppe(long enveloppe, long engage, long verse, long recouvre, long libere, long restant, String dossiersEngages,
            String dossiersVerses, String dossiersRecouvres, String dossiersLiberes) {
    }

    /** A count of dossiers with its code (status, call), its French label and the link of the list. */
    public record Compte(String code, String libelle, long nombre, String dossiers) {
    }

    /** A wave: dossiers currently in it, laureates among them (dossiers holding a quota place). */
    public record CompteVague(String code, String appel, String etat, Instant dateLimite, long nombre, long laureats, String dossiers,
            String dossiersLaureats) {
    }

    public record Pipeline(long total, String dossiers, List<Compte> parStatut, List<CompteVague> parVague, List<Compte> parAppel) {
    }

    /**
     * A région or a département (INSEE code, name), with its dossiers and its laureates; {@code region} is the code of the
     * département's région ({@code nomRegion} its name).
     */
    public record Territoire(String code, String nom, String region, String nomRegion, long dossiers, long laureats, String lienDossiers,
            String lienLaureats) {
    }

    public record Geographie(List<Territoire> regions, List<Territoire> departements) {
    }

    /**
     * Days between two recorded steps over the dossiers that went through both: median and 90th percentile
     * (linear interpolation, PostgreSQL's {@code percentile_cont}); null when no dossier has both dates.
     */
    public record Delai(String etape, String libelle, long nombre, Double medianeJours, Double centile90Jours) {
    }

    /** Open tasks past their due date, per candidate group. */
    public record Retards(long total, List<GroupeEnRetard> groupes) {
    }

    public record GroupeEnRetard(String groupe, long nombre, List<TacheEnRetard> taches) {
    }

    /** One overdue task; {@code numero} and {@code fiche} are null for a task that is not a dossier's (a wave's session). */
    public record TacheEnRetard(String tache, Instant echeance, String numero, String fiche) {
    }
}
