package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDecisionComiteRepository implements DecisionComiteRepository {

    private final JdbcClient jdbc;

    JdbcDecisionComiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void retirerPropositions(long dossierId) {
        jdbc.sql("delete from decision_comite where dossier_id = ? and etat = 'PROPOSEE'").param(dossierId).update();
    }

    @Override
    public void proposer(DecisionComite d, long engagement) {
        jdbc.sql("delete from decision_comite where dossier_id = ? and vague = ? and etat = 'PROPOSEE'")
                .param(d.dossierId()).param(d.vague()).update();
        MontantsAnnuels m = d.montants();
        jdbc.sql("""
                insert into decision_comite (dossier_id, vague, decision, montant_1, montant_2, montant_3, motivation, decide_par, decide_le,
                  etat, engagement)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSEE', ?)
                """).param(d.dossierId()).param(d.vague()).param(d.decision().name())
                .param(m == null ? null : m.annee1()).param(m == null ? null : m.annee2()).param(m == null ? null : m.annee3())
                .param(d.motivation()).param(d.decidePar()).param(Timestamp.from(d.decideLe())).param(engagement).update();
    }

    @Override
    public List<Proposition> propositions(String vague) {
        return jdbc.sql("select * from decision_comite where vague = ? and etat = 'PROPOSEE' order by id").param(vague)
                .query((rs, i) -> new Proposition(lire(rs, i), rs.getLong("engagement"))).list();
    }

    @Override
    public int publier(String vague, String par, Instant le) {
        return jdbc.sql("update decision_comite set etat = 'PUBLIEE', publiee_par = ?, publiee_le = ? where vague = ? and etat = 'PROPOSEE'")
                .param(par).param(Timestamp.from(le)).param(vague).update();
    }

    @Override
    public Optional<DecisionComite> derniere(long dossierId) {
        return jdbc.sql("select * from decision_comite where dossier_id = ? and etat = 'PUBLIEE' order by publiee_le desc nulls last, id desc limit 1")
                .param(dossierId).query(JdbcDecisionComiteRepository::lire).optional();
    }

    @Override
    public long engagement(long dossierId) {
        return jdbc.sql("""
                select coalesce((select engagement from decision_comite where dossier_id = ? and etat = 'PUBLIEE' and decision = 'LAUREAT'
                order by publiee_le desc nulls last, id desc limit 1), 0)
                  + coalesce((select sum(engagement_delta) from avenant where dossier_id = ? and etat = 'APPLIQUE'), 0)
                """).param(dossierId).param(dossierId).query(Long.class).single();
    }

    @Override
    public List<DecisionComite> toutes(long dossierId) {
        return jdbc.sql("select * from decision_comite where dossier_id = ? and etat = 'PUBLIEE' order by decide_le, id")
                .param(dossierId).query(JdbcDecisionComiteRepository::lire).list();
    }

    /** Also read by {@link JdbcFicheDossierRepository}. */
    static DecisionComite lire(ResultSet rs, int i) throws SQLException {
        Integer m1 = (Integer) rs.getObject("montant_1");
        MontantsAnnuels montants = m1 == null ? null
                : new MontantsAnnuels(m1, rs.getInt("montant_2"), rs.getInt("montant_3"));
        return new DecisionComite(rs.getLong("dossier_id"), rs.getString("vague"), TypeDecision.valueOf(rs.getString("decision")),
                montants, rs.getString("motivation"), rs.getString("decide_par"), rs.getTimestamp("decide_le").toInstant());
    }
}
