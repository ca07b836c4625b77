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

    JdbcJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand) {
        return jdbc.sql("""
                insert into evenement_dossier (dossier_id, type, libelle, visible_porteur, acteur, survenu_le)
                values (?, ?, ?, ?, ?, ?) returning id
                """).param(dossierId).param(type.name()).param(libelle.length() > 500 ? libelle.substring(0, 497) + "…" : libelle)
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
