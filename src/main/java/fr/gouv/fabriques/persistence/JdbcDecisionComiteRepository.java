package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    public void ajouter(DecisionComite d) {
        MontantsAnnuels m = d.montants();
        jdbc.sql("""
                insert into decision_comite (dossier_id, vague, decision, montant_1, montant_2, montant_3, motivation, decide_par, decide_le)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(d.dossierId()).param(d.vague()).param(d.decision().name())
                .param(m == null ? null : m.annee1()).param(m == null ? null : m.annee2()).param(m == null ? null : m.annee3())
                .param(d.motivation()).param(d.decidePar()).param(Timestamp.from(d.decideLe())).update();
    }

    @Override
    public Optional<DecisionComite> derniere(long dossierId) {
        return jdbc.sql("select * from decision_comite where dossier_id = ? order by decide_le desc, id desc limit 1")
                .param(dossierId).query(this::lire).optional();
    }

    @Override
    public List<DecisionComite> toutes(long dossierId) {
        return jdbc.sql("select * from decision_comite where dossier_id = ? order by decide_le, id")
                .param(dossierId).query(this::lire).list();
    }

    private DecisionComite lire(ResultSet rs, int i) throws SQLException {
        Integer m1 = (Integer) rs.getObject("montant_1");
        MontantsAnnuels montants = m1 == null ? null
                : new MontantsAnnuels(m1, rs.getInt("montant_2"), rs.getInt("montant_3"));
        return new DecisionComite(rs.getLong("dossier_id"), rs.getString("vague"), TypeDecision.valueOf(rs.getString("decision")),
                montants, rs.getString("motivation"), rs.getString("decide_par"), rs.getTimestamp("decide_le").toInstant());
    }
}
