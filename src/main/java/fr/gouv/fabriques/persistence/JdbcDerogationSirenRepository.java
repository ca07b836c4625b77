package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.DerogationSirenRepository;
import fr.gouv.fabriques.domain.DerogationSiren;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDerogationSirenRepository implements DerogationSirenRepository {

    private static final String SELECT = """
            select g.*, d.numero from derogation_siren g left join dossier d on d.id = g.dossier_id
            """;

    private final JdbcClient jdbc;

    JdbcDerogationSirenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DerogationSiren ajouter(String siren, String motif, String raisonSociale, String accordeePar, Instant accordeeLe) {
        long id = jdbc.sql("""
                insert into derogation_siren (siren, motif, raison_sociale, accordee_par, accordee_le)
                values (?, ?, ?, ?, ?) returning id
                """).param(siren).param(motif).param(raisonSociale).param(accordeePar).param(Timestamp.from(accordeeLe))
                .query(Long.class).single();
        return parId(id).orElseThrow();
    }

    @Override
    public Optional<DerogationSiren> parId(long id) {
        return jdbc.sql(SELECT + "where g.id = ?").param(id).query(JdbcDerogationSirenRepository::lire).optional();
    }

    @Override
    public Optional<DerogationSiren> disponiblePour(String siren) {
        return jdbc.sql(SELECT + "where g.siren = ? and g.dossier_id is null order by g.accordee_le, g.id limit 1 for update of g")
                .param(siren).query(JdbcDerogationSirenRepository::lire).optional();
    }

    @Override
    public void utiliser(long id, long dossierId, Instant le) {
        int n = jdbc.sql("update derogation_siren set dossier_id = ?, utilisee_le = ? where id = ? and dossier_id is null")
                .param(dossierId).param(Timestamp.from(le)).param(id).update();
        if (n != 1) {
            throw new IllegalStateException("La dérogation n° " + id + " a déjà servi");
        }
    }

    @Override
    public List<DerogationSiren> lister(Optional<String> siren) {
        return jdbc.sql(SELECT + "where (cast(? as char(9)) is null or g.siren = ?) order by g.accordee_le desc, g.id desc")
                .param(siren.orElse(null)).param(siren.orElse(null)).query(JdbcDerogationSirenRepository::lire).list();
    }

    private static DerogationSiren lire(ResultSet rs, int ligne) throws SQLException {
        Timestamp utilisee = rs.getTimestamp("utilisee_le");
        return new DerogationSiren(rs.getLong("id"), rs.getString("siren"), rs.getString("motif"), rs.getString("raison_sociale"),
                rs.getString("accordee_par"), rs.getTimestamp("accordee_le").toInstant(), rs.getString("numero"),
                utilisee == null ? null : utilisee.toInstant());
    }
}
