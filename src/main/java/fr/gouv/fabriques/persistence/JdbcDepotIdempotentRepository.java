package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.depot.ResultatDepot;
import fr.gouv.fabriques.application.port.DepotIdempotentRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDepotIdempotentRepository implements DepotIdempotentRepository {

    private final JdbcClient jdbc;

    JdbcDepotIdempotentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Enregistrement> trouver(String cle) {
        return jdbc.sql("select * from depot_idempotent where cle = ?").param(cle)
                .query((rs, i) -> new Enregistrement(rs.getString("empreinte"),
                        new ResultatDepot(rs.getString("numero"), rs.getString("jeton_acces"), "DEPOSE", rs.getString("vague"), true)))
                .optional();
    }

    @Override
    public void enregistrer(String cle, String empreinte, long dossierId, ResultatDepot r, Instant le) {
        jdbc.sql("""
                insert into depot_idempotent (cle, empreinte, dossier_id, numero, jeton_acces, vague, cree_le)
                values (?, ?, ?, ?, ?, ?, ?)
                """).param(cle).param(empreinte).param(dossierId).param(r.numero()).param(r.jetonAcces()).param(r.vague())
                .param(Timestamp.from(le)).update();
    }

    @Override
    public int purgerAvant(Instant limite) {
        return jdbc.sql("delete from depot_idempotent where cree_le < ?").param(Timestamp.from(limite)).update();
    }
}
