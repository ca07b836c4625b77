package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.Vague;
import java.sql.Date;
import fr.gouv.fabriques.domain.PublicationVague;
import fr.gouv.fabriques.domain.ReportDateLimite;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVagueRepository implements VagueRepository {

    private final JdbcClient jdbc;

    JdbcVagueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Vague> parCode(String code) {
        return jdbc.sql("select * from vague where code = ?").param(code).query(this::lire).optional();
    }

    @Override
    public Optional<Vague> ouvertePour(Appel appel, Instant maintenant) {
        return jdbc.sql("""
                select * from vague where appel = ? and etat = 'OUVERTE' and date_limite >= ?
                order by date_limite limit 1
                """).param(appel.name()).param(Timestamp.from(maintenant)).query(this::lire).optional();
    }

    @Override
    public List<Vague> toutes() {
        return jdbc.sql("select * from vague order by date_limite, code").query(this::lire).list();
    }

    @Override
    public Optional<Vague> suivante(Vague v) {
        return jdbc.sql("""
                select * from vague where appel = ? and etat = 'OUVERTE' and date_limite > ? and code <> ?
                order by date_limite limit 1
                """).param(v.appel().name()).param(Timestamp.from(v.dateLimite())).param(v.code()).query(this::lire).optional();
    }

    @Override
    public void changerEtat(String code, EtatVague etat) {
        jdbc.sql("update vague set etat = ? where code = ?").param(etat.name()).param(code).update();
    }

    @Override
    public List<Vague> sansProcessus() {
        return jdbc.sql("select * from vague where etat <> 'DELIBEREE' and not processus_demarre order by date_limite").query(this::lire).list();
    }

    @Override
    public void marquerProcessusDemarre(String code) {
        jdbc.sql("update vague set processus_demarre = true where code = ?").param(code).update();
    }

    @Override
    public boolean ajouterSiAbsente(Vague v) {
        return jdbc.sql("""
                insert into vague (code, appel, date_limite, date_comite, etat) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing
                """)
                .param(v.code()).param(v.appel().name()).param(Timestamp.from(v.dateLimite()))
                .param(v.dateComite() == null ? null : Date.valueOf(v.dateComite())).param(v.etat().name())
                .update() == 1;
    }

    @Override
    public void enregistrerPublication(PublicationVague p) {
        jdbc.sql("""
                insert into publication_vague (vague, demandee_par, etat, le, laureats, refuses, ajournes, reportes, engagement, refus)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (vague) do update set demandee_par = excluded.demandee_par, etat = excluded.etat, le = excluded.le,
                    laureats = excluded.laureats, refuses = excluded.refuses, ajournes = excluded.ajournes,
                    reportes = excluded.reportes, engagement = excluded.engagement, refus = excluded.refus
                """)
                .param(p.vague()).param(p.demandeePar()).param(p.publiee() ? "PUBLIEE" : "REFUSEE").param(Timestamp.from(p.le()))
                .param(p.laureats()).param(p.refuses()).param(p.ajournes()).param(p.reportes()).param(p.engagement()).param(p.refus())
                .update();
    }

    @Override
    public Map<String, PublicationVague> publications() {
        Map<String, PublicationVague> parVague = new HashMap<>();
        jdbc.sql("select * from publication_vague").query((rs, i) -> new PublicationVague(rs.getString("vague"), rs.getString("demandee_par"),
                "PUBLIEE".equals(rs.getString("etat")), rs.getTimestamp("le").toInstant(), rs.getInt("laureats"), rs.getInt("refuses"),
                rs.getInt("ajournes"), rs.getInt("reportes"), rs.getLong("engagement"), rs.getString("refus")))
                .list().forEach(p -> parVague.put(p.vague(), p));
        return parVague;
    }

    @Override
    public Optional<Vague> verrouiller(String code) {
        return jdbc.sql("select * from vague where code = ? for update").param(code).query(this::lire).optional();
    }

    @Override
    public void changerDates(String code, Instant dateLimite, java.time.LocalDate dateComite) {
        jdbc.sql("update vague set date_limite = ?, date_comite = ? where code = ?").param(Timestamp.from(dateLimite))
                .param(dateComite == null ? null : Date.valueOf(dateComite)).param(code).update();
    }

    @Override
    public void enregistrerReport(ReportDateLimite r) {
        jdbc.sql("""
                insert into report_date_limite_vague (vague, ancienne_date_limite, nouvelle_date_limite, ancienne_date_comite,
                    nouvelle_date_comite, motif, decide_par, le)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .param(r.vague()).param(Timestamp.from(r.ancienneDateLimite())).param(Timestamp.from(r.nouvelleDateLimite()))
                .param(r.ancienneDateComite() == null ? null : Date.valueOf(r.ancienneDateComite()))
                .param(r.nouvelleDateComite() == null ? null : Date.valueOf(r.nouvelleDateComite()))
                .param(r.motif()).param(r.decidePar()).param(Timestamp.from(r.le()))
                .update();
    }

    @Override
    public Map<String, List<ReportDateLimite>> reports() {
        Map<String, List<ReportDateLimite>> parVague = new HashMap<>();
        jdbc.sql("select * from report_date_limite_vague order by le, id").query((rs, i) -> new ReportDateLimite(rs.getString("vague"),
                rs.getTimestamp("ancienne_date_limite").toInstant(), rs.getTimestamp("nouvelle_date_limite").toInstant(),
                jour(rs.getDate("ancienne_date_comite")), jour(rs.getDate("nouvelle_date_comite")), rs.getString("motif"),
                rs.getString("decide_par"), rs.getTimestamp("le").toInstant()))
                .list().forEach(r -> parVague.computeIfAbsent(r.vague(), c -> new java.util.ArrayList<>()).add(r));
        return parVague;
    }

    private static java.time.LocalDate jour(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private Vague lire(ResultSet rs, int ligne) throws SQLException {
        Date comite = rs.getDate("date_comite");
        return new Vague(rs.getString("code"), Appel.valueOf(rs.getString("appel")),
                rs.getTimestamp("date_limite").toInstant(), comite == null ? null : comite.toLocalDate(),
                EtatVague.valueOf(rs.getString("etat")));
    }
}
