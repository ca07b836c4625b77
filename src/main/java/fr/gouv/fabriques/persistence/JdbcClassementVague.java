package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.TypeDecision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcClassementVague implements ClassementVague {

    private final JdbcClient jdbc;

    JdbcClassementVague(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECTION = """
                select d.id, d.numero, d.raison_sociale, d.categorie, d.statut,
                       d.montant_demande_1, d.montant_demande_2, d.montant_demande_3,
                       i.score_total, i.proposition, i.montant_propose_1, i.montant_propose_2, i.montant_propose_3,
                       p.decision, p.montant_1, p.montant_2, p.montant_3, p.motivation
                from dossier d
                left join instruction i on i.dossier_id = d.id
                left join decision_comite p on p.dossier_id = d.id and p.vague = d.vague and p.etat = 'PROPOSEE'
                where d.vague = ? and d.statut in ('INSTRUIT', 'AJOURNE')
                """;

    @Override
    public java.util.Optional<Ligne> dossierASeance(String vague, String numero) {
        return jdbc.sql(SELECTION + " and d.numero = ?").param(vague).param(numero).query(this::lire).optional();
    }

    @Override
    public List<Ligne> dossiersASeance(String vague) {
        return jdbc.sql(SELECTION + " order by d.categorie, i.score_total desc nulls last, d.numero").param(vague).query(this::lire).list();
    }

    private Ligne lire(ResultSet rs, int i) throws SQLException {
        String proposition = rs.getString("proposition");
        String decision = rs.getString("decision");
        return new Ligne(rs.getLong("id"), rs.getString("numero"), rs.getString("raison_sociale"),
                Categorie.valueOf(rs.getString("categorie")), StatutDossier.valueOf(rs.getString("statut")), rs.getBigDecimal("score_total"),
                proposition == null ? null : Avis.valueOf(proposition),
                new MontantsAnnuels(rs.getInt("montant_demande_1"), rs.getInt("montant_demande_2"), rs.getInt("montant_demande_3")),
                montants(rs, "montant_propose_"), decision == null ? null : TypeDecision.valueOf(decision), montants(rs, "montant_"),
                rs.getString("motivation"));
    }

    private static MontantsAnnuels montants(ResultSet rs, String prefixe) throws SQLException {
        Integer m1 = (Integer) rs.getObject(prefixe + "1");
        return m1 == null ? null : new MontantsAnnuels(m1, rs.getInt(prefixe + "2"), rs.getInt(prefixe + "3"));
    }
}
