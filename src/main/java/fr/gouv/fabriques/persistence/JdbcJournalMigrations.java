package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.JournalMigrations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code migration_processus} (V61): the instances' ids and business keys one per line. */
@Repository
class JdbcJournalMigrations implements JournalMigrations {

    private final JdbcClient jdbc;

    JdbcJournalMigrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long enregistrer(MigrationJournalisee m) {
        return jdbc.sql("""
                insert into migration_processus (cle, definition_source, version_source, definition_cible, version_cible, nombre_instances,
                    instances, cles_metier, batch_id, motif, lancee_par, lancee_le)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(m.cle()).param(m.definitionSource()).param(m.versionSource()).param(m.definitionCible()).param(m.versionCible())
                .param(m.instances().size()).param(String.join("\n", m.instances())).param(String.join("\n", m.clesMetier()))
                .param(m.batchId()).param(m.motif()).param(m.lanceePar()).param(Timestamp.from(m.lanceeLe()))
                .query(Long.class).single();
    }

    @Override
    public List<MigrationJournalisee> lister() {
        return jdbc.sql("select * from migration_processus order by lancee_le desc, id desc").query(JdbcJournalMigrations::lire).list();
    }

    @Override
    public Optional<MigrationJournalisee> parId(long id) {
        return jdbc.sql("select * from migration_processus where id = ?").param(id).query(JdbcJournalMigrations::lire).optional();
    }

    private static MigrationJournalisee lire(ResultSet rs, int ligne) throws SQLException {
        return new MigrationJournalisee(rs.getLong("id"), rs.getString("cle"), rs.getString("definition_source"), rs.getInt("version_source"),
                rs.getString("definition_cible"), rs.getInt("version_cible"), lignes(rs.getString("instances")),
                lignes(rs.getString("cles_metier")), rs.getString("batch_id"), rs.getString("motif"), rs.getString("lancee_par"),
                rs.getTimestamp("lancee_le").toInstant());
    }

    private static List<String> lignes(String texte) {
        return texte == null || texte.isEmpty() ? List.of() : Arrays.asList(texte.split("\n"));
    }
}
