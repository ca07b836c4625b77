package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Versement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVersementRepository implements VersementRepository {

    private final JdbcClient jdbc;

    JdbcVersementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void planifier(long dossierId, int annee, int montant) {
        jdbc.sql("insert into versement (dossier_id, annee, montant) values (?, ?, ?) on conflict (dossier_id, annee) do nothing")
                .param(dossierId).param(annee).param(montant).update();
    }

    @Override
    public boolean modifierMontantPrevu(long dossierId, int annee, int montant) {
        return jdbc.sql("update versement set montant = ? where dossier_id = ? and annee = ? and ordonnance_le is null and emis_le is null")
                .param(montant).param(dossierId).param(annee).update() == 1;
    }

    @Override
    public List<Versement> parDossier(long dossierId) {
        return jdbc.sql("select * from versement where dossier_id = ? order by annee").param(dossierId).query(JdbcVersementRepository::lire).list();
    }

    @Override
    public Optional<Versement> parDossierEtAnnee(long dossierId, int annee) {
        return jdbc.sql("select * from versement where dossier_id = ? and annee = ?").param(dossierId).param(annee)
                .query(JdbcVersementRepository::lire).optional();
    }

    @Override
    public void ordonnancer(long dossierId, int annee, String par, Instant le) {
        jdbc.sql("update versement set ordonnance_par = ?, ordonnance_le = ? where dossier_id = ? and annee = ? and emis_le is null")
                .param(par).param(Timestamp.from(le)).param(dossierId).param(annee).update();
    }

    @Override
    public boolean valider(long dossierId, int annee, String par, Instant le) {
        // Conditional: ordered by someone else, not validated yet, not issued; a concurrent second validation changes nothing.
        return jdbc.sql("update versement set valide_par = ?, valide_le = ? where dossier_id = ? and annee = ? and ordonnance_le is not null"
                        + " and ordonnance_par <> ? and valide_le is null and emis_le is null")
                .param(par).param(Timestamp.from(le)).param(dossierId).param(annee).param(par).update() == 1;
    }

    @Override
    public boolean annulerOrdonnancement(long dossierId, int annee, String motif) {
        return jdbc.sql("update versement set ordonnance_par = null, ordonnance_le = null, motif_renvoi = ? where dossier_id = ? and annee = ?"
                        + " and ordonnance_le is not null and valide_le is null and emis_le is null")
                .param(motif).param(dossierId).param(annee).update() == 1;
    }

    @Override
    public boolean emettre(long dossierId, int annee, String reference, Instant le) {
        // The row lock taken by this update serialises two concurrent attempts; the second sees emis_le set.
        return jdbc.sql("update versement set emis_le = ?, reference = ? where dossier_id = ? and annee = ? and emis_le is null"
                        + " and valide_le is not null")
                .param(Timestamp.from(le)).param(reference).param(dossierId).param(annee).update() == 1;
    }

    /** Also read by {@link JdbcFicheDossierRepository}. */
    static Versement lire(ResultSet rs, int i) throws SQLException {
        Timestamp ord = rs.getTimestamp("ordonnance_le");
        Timestamp val = rs.getTimestamp("valide_le");
        Timestamp emis = rs.getTimestamp("emis_le");
        return new Versement(rs.getLong("dossier_id"), rs.getInt("annee"), rs.getInt("montant"), rs.getString("ordonnance_par"),
                ord == null ? null : ord.toInstant(), rs.getString("valide_par"), val == null ? null : val.toInstant(),
                emis == null ? null : emis.toInstant(), rs.getString("reference"), rs.getString("motif_renvoi"));
    }
}
