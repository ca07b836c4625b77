package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ReversementRepository;
import java.sql.Timestamp;
import java.time.Instant;
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
}
