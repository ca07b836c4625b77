package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.FinDossierRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFinDossierRepository implements FinDossierRepository {

    private final JdbcClient jdbc;

    JdbcFinDossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long demander(long dossierId, Nature nature, String motif, String par, Instant le) {
        return jdbc.sql("insert into fin_dossier (dossier_id, nature, motif, demandee_par, demandee_le, etat) values (?, ?, ?, ?, ?, 'DEMANDEE')"
                        + " returning id")
                .param(dossierId).param(nature.name()).param(motif).param(par).param(Timestamp.from(le)).query(Long.class).single();
    }

    @Override
    public boolean decider(long id, Etat etat, String par, Instant le, String commentaire) {
        return jdbc.sql("update fin_dossier set etat = ?, decidee_par = ?, decidee_le = ?, commentaire = ? where id = ? and etat = 'DEMANDEE'")
                .param(etat.name()).param(par).param(Timestamp.from(le)).param(commentaire).param(id).update() == 1;
    }

    @Override
    public Optional<FinDossier> enAttente(long dossierId) {
        return jdbc.sql("select * from fin_dossier where dossier_id = ? and etat = 'DEMANDEE'").param(dossierId)
                .query(JdbcFinDossierRepository::lire).optional();
    }

    @Override
    public List<FinDossier> duDossier(long dossierId) {
        return jdbc.sql("select * from fin_dossier where dossier_id = ? order by demandee_le, id").param(dossierId)
                .query(JdbcFinDossierRepository::lire).list();
    }

    private static FinDossier lire(ResultSet rs, int i) throws SQLException {
        Timestamp decidee = rs.getTimestamp("decidee_le");
        return new FinDossier(rs.getLong("id"), rs.getLong("dossier_id"), Nature.valueOf(rs.getString("nature")), rs.getString("motif"),
                rs.getString("demandee_par"), rs.getTimestamp("demandee_le").toInstant(), Etat.valueOf(rs.getString("etat")),
                rs.getString("decidee_par"), decidee == null ? null : decidee.toInstant(), rs.getString("commentaire"));
    }
}
