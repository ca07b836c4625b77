package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.IndicateursExploitation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Three aggregated reads for the metrics (README « Métriques »). */
@Repository
class JdbcIndicateursProgramme implements IndicateursExploitation.Programme {

    private final JdbcClient jdbc;

    JdbcIndicateursProgramme(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> dossiersParStatut() {
        Map<String, Long> parStatut = new LinkedHashMap<>();
        jdbc.sql("select statut, count(*) as nombre from dossier group by statut order by statut")
                .query(rs -> {
                    parStatut.put(rs.getString("statut"), rs.getLong("nombre"));
                });
        return parStatut;
    }

    @Override
    public Map<String, Long> courrielsNonEnvoyesParEtat() {
        Map<String, Long> parEtat = new LinkedHashMap<>();
        jdbc.sql("select etat, count(*) as nombre from notification where etat <> 'ENVOYE' group by etat order by etat")
                .query(rs -> {
                    parEtat.put(rs.getString("etat"), rs.getLong("nombre"));
                });
        return parEtat;
    }

    @Override
    public IndicateursExploitation.Enveloppe enveloppe() {
        return jdbc.sql("select enveloppe, engage from programme where id = 1")
                .query((rs, i) -> new IndicateursExploitation.Enveloppe(rs.getLong("enveloppe"), rs.getLong("engage")))
                .optional().orElse(new IndicateursExploitation.Enveloppe(0, 0));
    }
}
