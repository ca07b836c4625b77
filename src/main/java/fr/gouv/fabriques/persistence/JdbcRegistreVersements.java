package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.RegistreVersements;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRegistreVersements implements RegistreVersements {

    private final JdbcClient jdbc;

    JdbcRegistreVersements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrdreVersement> ordresEmis(Instant depuis, Instant jusqua) {
        return jdbc.sql("""
                select v.reference, d.numero, d.siret, d.raison_sociale, v.annee, v.montant, v.ordonnance_par, v.ordonnance_le, v.emis_le
                from versement v join dossier d on d.id = v.dossier_id
                where v.emis_le is not null and v.emis_le >= ? and v.emis_le < ?
                order by v.emis_le, v.reference
                """).param(Timestamp.from(depuis)).param(Timestamp.from(jusqua))
                .query((rs, i) -> new OrdreVersement(rs.getString("reference"), rs.getString("numero"), rs.getString("siret"),
                        rs.getString("raison_sociale"), rs.getInt("annee"), rs.getInt("montant"), rs.getString("ordonnance_par"),
                        rs.getTimestamp("ordonnance_le").toInstant(), rs.getTimestamp("emis_le").toInstant()))
                .list();
    }
}
