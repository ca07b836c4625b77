package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcJournal implements Journal {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate lots;

    JdbcJournal(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /** The table only (what follows an entry is JournalAvecCourriels's): one JDBC batch, the ids read back in order. */
    @Override
    public List<Long> noterTous(List<Note> notes) {
        if (notes.isEmpty()) {
            return List.of();
        }
        org.springframework.jdbc.support.GeneratedKeyHolder cles = new org.springframework.jdbc.support.GeneratedKeyHolder();
        lots.batchUpdate(connexion -> connexion.prepareStatement("""
                insert into evenement_dossier (dossier_id, type, libelle, visible_porteur, acteur, survenu_le)
                values (?, ?, ?, ?, ?, ?)
                """, new String[] {"id"}), new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                Note n = notes.get(i);
                ps.setLong(1, n.dossier().id());
                ps.setString(2, n.type().name());
                ps.setString(3, tronquer(n.libelle()));
                ps.setBoolean(4, n.visiblePorteur());
                ps.setString(5, n.acteur());
                ps.setTimestamp(6, Timestamp.from(n.quand()));
            }

            @Override
            public int getBatchSize() {
                return notes.size();
            }
        }, cles);
        List<Long> ids = cles.getKeyList().stream().map(k -> ((Number) k.get("id")).longValue()).toList();
        if (ids.size() != notes.size()) {
            throw new IllegalStateException(notes.size() + " entrées du journal écrites, " + ids.size() + " identifiants relus");
        }
        return ids;
    }

    private static String tronquer(String libelle) {
        return libelle.length() > 500 ? libelle.substring(0, 497) + "…" : libelle;
    }

    @Override
    public long noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand) {
        return jdbc.sql("""
                insert into evenement_dossier (dossier_id, type, libelle, visible_porteur, acteur, survenu_le)
                values (?, ?, ?, ?, ?, ?) returning id
                """).param(dossierId).param(type.name()).param(tronquer(libelle))
                .param(visiblePorteur).param(acteur).param(Timestamp.from(quand)).query(Long.class).single();
    }

    @Override
    public List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur) {
        return jdbc.sql("""
                select * from evenement_dossier where dossier_id = ? and (visible_porteur or not ?)
                order by survenu_le, id
                """).param(dossierId).param(seulementVisiblesPorteur)
                .query((rs, i) -> new Evenement(TypeEvenement.valueOf(rs.getString("type")), rs.getString("libelle"),
                        rs.getBoolean("visible_porteur"), rs.getString("acteur"), rs.getTimestamp("survenu_le").toInstant()))
                .list();
    }
}
