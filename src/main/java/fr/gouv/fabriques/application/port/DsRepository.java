package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.depot.DemandeDepot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the démarches-simplifiées connector keeps (V54): links, polling positions, dossiers to take up again, the write-back outbox. */
public interface DsRepository {

    /** Serialises the handling of one DS dossier until the end of the caller's transaction (two nodes, a webhook and the poll). */
    void verrouiller(int dsNumero);

    Optional<Lien> lien(int dsNumero);

    Optional<Lien> lienDuDossier(long dossierId);

    /** The links of those of these dossiers that came from DS, by dossier id, in one query. */
    default java.util.Map<Long, Lien> liensDesDossiers(java.util.Collection<Long> dossierIds) {
        java.util.Map<Long, Lien> r = new java.util.HashMap<>();
        for (long id : dossierIds) {
            lienDuDossier(id).ifPresent(l -> r.put(id, l));
        }
        return r;
    }

    /** Links a DS dossier to ours; the DS number is a primary key: a second import fails. */
    void lier(Lien lien, Instant le);

    /** The applicant's changes up to {@code champsModifies} are taken. */
    void champsPris(int dsNumero, Instant champsModifies, Instant le);

    /** Form fields of a dossier not yet in instruction, changed by the applicant on DS (already validated). */
    void mettreAJourDemande(long dossierId, DemandeDepot demande, Instant le);

    Position position(int demarche);

    void enregistrerPosition(int demarche, Position position);

    Optional<AReprendre> aReprendre(int dsNumero);

    void enregistrerAReprendre(AReprendre a);

    void resoudre(int dsNumero, Instant le);

    /** Open entries: all, or only those to read again at each poll (not the validation errors, which wait for the applicant). */
    List<AReprendre> aReprendre(boolean seulementARelire);

    /** Puts a write-back in the outbox, in the caller's transaction; once per timeline entry or key. */
    void deposerEnvoi(EnvoiADeposer envoi);

    /** Claims due rows, the oldest of each DS dossier only (a dossier's mutations run in order); commits before returning. */
    List<EnvoiReserve> reserverEnvois(int nombre, Instant maintenant, Instant bailJusqua);

    /** {@code faites} mutations of the row are done (kept across attempts: a done transition is not sent again). */
    void avancer(long id, int faites);

    void marquerFait(long id, Instant le);

    void reporterEnvoi(long id, int tentative, Instant prochaine, String erreur);

    void abandonnerEnvoi(long id, int tentative, String erreur);

    List<EnvoiVue> envois(Optional<String> etat, int limite);

    Map<String, Long> comptesEnvois();

    record Lien(int dsNumero, String dsId, int demarche, long dossierId, Instant champsModifies) {
    }

    /** {@code depuis}/{@code curseur}: the run in progress; {@code plusRecente}: the latest change it saw. */
    record Position(Instant depuis, String curseur, Instant plusRecente, Instant luLe) {
        public static final Position DEBUT = new Position(null, null, null, null);
    }

    /** {@code erreurs}: JSON list of {champ, libelle, message}. */
    record AReprendre(int dsNumero, int demarche, String dsId, String motif, String erreurs, Instant derniereModification, int tentatives,
            Instant premiereLe, Instant derniereLe) {
    }

    /** {@code actions}: JSON list of {action, texte, correction}. */
    record EnvoiADeposer(Long dossierId, int dsNumero, String dsId, Long evenementId, String cle, String nature, String actions, Instant creeLe) {
    }

    record EnvoiReserve(long id, int dsNumero, String dsId, String nature, String actions, int faites, int tentative) {
    }

    record EnvoiVue(long id, String numeroDossier, int dsNumero, String nature, String etat, int faites, int tentatives, String derniereErreur,
            Instant creeLe, Instant faitLe) {
    }
}
