package fr.gouv.fabriques.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.SimulationRepository;
import fr.gouv.fabriques.application.port.TablesCandidates.Origine;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.simulation.RapportSimulation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSimulationRepository implements SimulationRepository {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcClient jdbc;

    JdbcSimulationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long enregistrer(Simulation s) {
        GeneratedKeyHolder cle = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into simulation_regles (lancee_par, lancee_le, eligibilite_sha256, eligibilite_origine, notation_sha256, notation_origine,
                  vagues, quotas_candidats, enveloppe_candidate, dossiers_rejoues, dossiers_changes, laureats_sortants, laureats_entrants,
                  duree_ms, resultat)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(s.lanceePar()).param(Timestamp.from(s.lanceeLe()))
                .param(s.eligibilite() == null ? null : s.eligibilite().sha256()).param(s.eligibilite() == null ? null : s.eligibilite().origine())
                .param(s.notation() == null ? null : s.notation().sha256()).param(s.notation() == null ? null : s.notation().origine())
                .param(ecrire(s.vagues())).param(s.quotas().isEmpty() ? null : ecrire(s.quotas())).param(s.enveloppe())
                .param(s.dossiersRejoues()).param(s.dossiersChanges()).param(s.sortants()).param(s.entrants()).param(s.dureeMs())
                .param(ecrire(s.rapport())).update(cle, "id");
        return cle.getKey().longValue();
    }

    @Override
    public Optional<Simulation> lire(long id) {
        return jdbc.sql("select * from simulation_regles where id = ?").param(id).query((rs, i) -> simulation(rs, true)).optional();
    }

    @Override
    public List<Simulation> dernieres(int nombre) {
        return jdbc.sql("""
                select id, lancee_par, lancee_le, eligibilite_sha256, eligibilite_origine, notation_sha256, notation_origine, vagues,
                       quotas_candidats, enveloppe_candidate, dossiers_rejoues, dossiers_changes, laureats_sortants, laureats_entrants, duree_ms
                from simulation_regles order by lancee_le desc, id desc limit ?
                """).param(nombre).query((rs, i) -> simulation(rs, false)).list();
    }

    private static Simulation simulation(ResultSet rs, boolean rapport) throws SQLException {
        String quotas = rs.getString("quotas_candidats");
        Map<Categorie, Integer> q = quotas == null ? Map.of() : lire(quotas, new TypeReference<EnumMap<Categorie, Integer>>() { });
        return new Simulation(rs.getLong("id"), rs.getString("lancee_par"), rs.getTimestamp("lancee_le").toInstant(),
                origine(rs.getString("eligibilite_sha256"), rs.getString("eligibilite_origine")),
                origine(rs.getString("notation_sha256"), rs.getString("notation_origine")),
                lire(rs.getString("vagues"), new TypeReference<List<String>>() { }), q, (Long) rs.getObject("enveloppe_candidate", Long.class),
                rs.getInt("dossiers_rejoues"), rs.getInt("dossiers_changes"), rs.getInt("laureats_sortants"), rs.getInt("laureats_entrants"),
                rs.getLong("duree_ms"), rapport ? lire(rs.getString("resultat"), new TypeReference<RapportSimulation>() { }) : null);
    }

    private static Origine origine(String sha, String origine) {
        return sha == null ? null : new Origine(sha, origine);
    }

    private static String ecrire(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rapport de simulation non sérialisable", e);
        }
    }

    private static <T> T lire(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rapport de simulation illisible en base", e);
        }
    }
}
