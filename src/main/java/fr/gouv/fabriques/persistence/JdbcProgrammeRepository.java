package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Programme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProgrammeRepository implements ProgrammeRepository {

    private final JdbcClient jdbc;

    JdbcProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void initialiser(Programme p) {
        jdbc.sql("""
                insert into programme (id, total_fabriques, quota_hors_grands_centres, quota_qpv, quota_numerique_qpv, enveloppe)
                values (1, ?, ?, ?, ?, ?) on conflict (id) do nothing
                """).param(p.totalFabriques()).param(p.quotas().get(Categorie.HORS_GRANDS_CENTRES)).param(p.quotas().get(Categorie.QPV))
                .param(p.quotas().get(Categorie.NUMERIQUE_QPV)).param(p.enveloppe()).update();
        try {
            jdbc.sql("update programme set enveloppe = ?, total_fabriques = ? where id = 1")
                    .param(p.enveloppe()).param(p.totalFabriques()).update();
        } catch (DataIntegrityViolationException e) {
            Programme actuel = lire();
            throw new IllegalStateException("Configuration du programme refusée : l'enveloppe configurée ("
                    + PlafondsFinancement.euros(p.enveloppe()) + ") est inférieure aux engagements (" + PlafondsFinancement.euros(actuel.engage())
                    + "), ou le total de " + p.totalFabriques() + " Fabriques est inférieur à la somme des quotas " + actuel.quotas()
                    + ". Corrigez fabriques.programme.enveloppe / total-fabriques.", e);
        }
    }

    @Override
    public Programme lire() {
        return jdbc.sql("select * from programme where id = 1").query(this::lireLigne).single();
    }

    @Override
    public Programme verrouiller() {
        return jdbc.sql("select * from programme where id = 1 for update").query(this::lireLigne).single();
    }

    @Override
    public void enregistrer(Programme p) {
        try {
            jdbc.sql("""
                    update programme set quota_hors_grands_centres = ?, quota_qpv = ?, quota_numerique_qpv = ?,
                      laureats_hors_grands_centres = ?, laureats_qpv = ?, laureats_numerique_qpv = ?, engage = ?
                    where id = 1
                    """)
                    .param(p.quotas().get(Categorie.HORS_GRANDS_CENTRES)).param(p.quotas().get(Categorie.QPV))
                    .param(p.quotas().get(Categorie.NUMERIQUE_QPV))
                    .param(p.laureats().get(Categorie.HORS_GRANDS_CENTRES)).param(p.laureats().get(Categorie.QPV))
                    .param(p.laureats().get(Categorie.NUMERIQUE_QPV)).param(p.engage()).update();
        } catch (DataIntegrityViolationException e) {
            // Last line of defence: the domain checks first, the constraints hold whatever happens.
            throw new ErreurMetier("decisions", "Refusé par la base : quotas ou enveloppe du programme dépassés ("
                    + contrainte(e) + ").");
        }
    }

    private static String contrainte(DataIntegrityViolationException e) {
        String m = String.valueOf(e.getMostSpecificCause().getMessage());
        int i = m.indexOf("programme_");
        return i < 0 ? m : m.substring(i, Math.min(m.length(), m.indexOf('"', i) < 0 ? m.length() : m.indexOf('"', i)));
    }

    @Override
    public void noterReequilibrage(Categorie de, Categorie vers, int nombre, String motif, String par, Instant le) {
        jdbc.sql("insert into reequilibrage_quota (de, vers, nombre, motif, decide_par, decide_le) values (?, ?, ?, ?, ?, ?)")
                .param(de.name()).param(vers.name()).param(nombre).param(motif).param(par).param(Timestamp.from(le)).update();
    }

    @Override
    public void noterEtatAvantPublication(String vague, Programme avant, Instant le) {
        jdbc.sql("""
                insert into etat_programme_vague (vague, quota_hors_grands_centres, quota_qpv, quota_numerique_qpv,
                  laureats_hors_grands_centres, laureats_qpv, laureats_numerique_qpv, enveloppe, engage, le)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (vague) do update set quota_hors_grands_centres = excluded.quota_hors_grands_centres,
                  quota_qpv = excluded.quota_qpv, quota_numerique_qpv = excluded.quota_numerique_qpv,
                  laureats_hors_grands_centres = excluded.laureats_hors_grands_centres, laureats_qpv = excluded.laureats_qpv,
                  laureats_numerique_qpv = excluded.laureats_numerique_qpv, enveloppe = excluded.enveloppe,
                  engage = excluded.engage, le = excluded.le
                """).param(vague).param(avant.quotas().get(Categorie.HORS_GRANDS_CENTRES)).param(avant.quotas().get(Categorie.QPV))
                .param(avant.quotas().get(Categorie.NUMERIQUE_QPV)).param(avant.laureats().get(Categorie.HORS_GRANDS_CENTRES))
                .param(avant.laureats().get(Categorie.QPV)).param(avant.laureats().get(Categorie.NUMERIQUE_QPV))
                .param(avant.enveloppe()).param(avant.engage()).param(Timestamp.from(le)).update();
    }

    private Programme lireLigne(ResultSet rs, int i) throws SQLException {
        Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
        Map<Categorie, Integer> laureats = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            quotas.put(c, rs.getInt("quota_" + c.name().toLowerCase()));
            laureats.put(c, rs.getInt("laureats_" + c.name().toLowerCase()));
        }
        return new Programme(rs.getInt("total_fabriques"), quotas, laureats, rs.getLong("enveloppe"), rs.getLong("engage"));
    }
}
