package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ConventionsSignees;
import fr.gouv.fabriques.domain.Categorie;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One query for all of them: the convention row already holds the amended amounts and calendar shift,
 * the dossier the amended SIRET (doc/adr/0009); the schedule's years come from the payments table.
 */
@Repository
class JdbcConventionsSignees implements ConventionsSignees {

    private final JdbcClient jdbc;

    JdbcConventionsSignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ConventionSignee> toutes() {
        return jdbc.sql("""
                select d.numero, d.raison_sociale, d.siret, d.projet_nom, d.categorie, d.vague, c.signee_etat_le,
                       c.montant_1, c.montant_2, c.montant_3, c.supplement_numerique, c.decalage_mois,
                       array(select v.annee from versement v where v.dossier_id = d.id order by v.annee) as annees,
                       (select count(*) from avenant a where a.dossier_id = d.id and a.etat = 'APPLIQUE') as avenants
                from convention c join dossier d on d.id = c.dossier_id
                where c.signee_etat_le is not null
                order by c.signee_etat_le, d.numero
                """)
                .query((rs, i) -> new ConventionSignee(rs.getString("numero"), rs.getString("raison_sociale"), rs.getString("siret"),
                        rs.getString("projet_nom"), Categorie.valueOf(rs.getString("categorie")), rs.getString("vague"),
                        rs.getTimestamp("signee_etat_le").toInstant(), rs.getInt("montant_1"), rs.getInt("montant_2"), rs.getInt("montant_3"),
                        rs.getInt("supplement_numerique"), rs.getInt("decalage_mois"), annees(rs.getArray("annees")), rs.getInt("avenants")))
                .list();
    }

    private static List<Integer> annees(Array tableau) throws SQLException {
        List<Integer> annees = new ArrayList<>();
        for (Object o : (Object[]) tableau.getArray()) {
            annees.add(((Number) o).intValue());
        }
        return annees;
    }
}
