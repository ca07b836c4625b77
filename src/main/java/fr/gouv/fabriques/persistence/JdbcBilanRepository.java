package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.domain.DecisionBilan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBilanRepository implements BilanRepository {

    private final JdbcClient jdbc;

    JdbcBilanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deposer(long dossierId, int annee, String commentaire, Instant le) {
        jdbc.sql("""
                insert into bilan (dossier_id, annee, depose_le, commentaire) values (?, ?, ?, ?)
                on conflict (dossier_id, annee) do update set depose_le = excluded.depose_le, commentaire = excluded.commentaire,
                  decision = null, decision_motif = null, decide_par = null, decide_le = null
                """).param(dossierId).param(annee).param(Timestamp.from(le)).param(commentaire).update();
    }

    @Override
    public void decider(long dossierId, int annee, DecisionBilan decision, String motif, String par, Instant le) {
        jdbc.sql("""
                update bilan set decision = ?, decision_motif = ?, decide_par = ?, decide_le = ? where dossier_id = ? and annee = ?
                """).param(decision.name()).param(motif).param(par).param(Timestamp.from(le)).param(dossierId).param(annee).update();
    }

    @Override
    public Optional<Bilan> parDossierEtAnnee(long dossierId, int annee) {
        return jdbc.sql("select * from bilan where dossier_id = ? and annee = ?").param(dossierId).param(annee)
                .query((rs, i) -> new Bilan(rs.getLong("dossier_id"), rs.getInt("annee"), rs.getTimestamp("depose_le").toInstant(),
                        rs.getString("commentaire"),
                        rs.getString("decision") == null ? null : DecisionBilan.valueOf(rs.getString("decision")),
                        rs.getString("decide_par")))
                .optional();
    }
}
