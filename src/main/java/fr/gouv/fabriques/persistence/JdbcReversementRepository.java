package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ReversementRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReversementRepository implements ReversementRepository {

    private final JdbcClient jdbc;

    JdbcReversementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ajouter(long dossierId, int montant, String motif, String par, Instant le) {
        jdbc.sql("insert into reversement (dossier_id, montant, motif, decide_par, decide_le) values (?, ?, ?, ?, ?)")
                .param(dossierId).param(montant).param(motif).param(par).param(Timestamp.from(le)).update();
    }

    @Override
    public int totalReverse(long dossierId) {
        return jdbc.sql("select coalesce(sum(montant), 0) from reversement where dossier_id = ?").param(dossierId)
                .query(Integer.class).single();
    }

    @Override
    public Optional<Reversement> dernier(long dossierId) {
        return jdbc.sql("select * from reversement where dossier_id = ? order by decide_le desc, id desc limit 1").param(dossierId)
                .query(JdbcReversementRepository::lire).optional();
    }

    @Override
    public boolean enregistrerRecu(long id, int montant, String par, Instant le) {
        return jdbc.sql("update reversement set recu_montant = ?, recu_enregistre_par = ?, recu_enregistre_le = ? where id = ?"
                        + " and recu_valide_le is null")
                .param(montant).param(par).param(Timestamp.from(le)).param(id).update() == 1;
    }

    @Override
    public boolean validerRecu(long id, String par, Instant le) {
        return jdbc.sql("update reversement set recu_valide_par = ?, recu_valide_le = ? where id = ? and recu_montant is not null"
                        + " and recu_enregistre_par <> ? and recu_valide_le is null")
                .param(par).param(Timestamp.from(le)).param(id).param(par).update() == 1;
    }

    @Override
    public boolean annulerRecu(long id) {
        return jdbc.sql("update reversement set recu_montant = null, recu_enregistre_par = null, recu_enregistre_le = null where id = ?"
                        + " and recu_valide_le is null").param(id).update() == 1;
    }

    private static Reversement lire(ResultSet rs, int i) throws SQLException {
        Integer recu = (Integer) rs.getObject("recu_montant");
        return new Reversement(rs.getLong("id"), rs.getLong("dossier_id"), rs.getInt("montant"), rs.getString("motif"),
                rs.getString("decide_par"), instant(rs, "decide_le"), recu, rs.getString("recu_enregistre_par"),
                instant(rs, "recu_enregistre_le"), rs.getString("recu_valide_par"), instant(rs, "recu_valide_le"));
    }

    private static Instant instant(ResultSet rs, String colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }
}
