package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.pilotage.EtapeDelai;
import fr.gouv.fabriques.application.pilotage.Perimetre;
import fr.gouv.fabriques.application.port.PilotageRepository;
import fr.gouv.fabriques.domain.StatutDossier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pilotage's counts, each one aggregate query over the dossiers of the perimeter (README « Pilotage dans Cockpit »).
 * The money rules are those of a dossier's finances ({@code ConsulterFinancesDossier}), summed.
 */
@Repository
class JdbcPilotageRepository implements PilotageRepository {

    /** The dossiers of the perimeter; {@code d} is the dossier. */
    private static final String PERIMETRE = " (cast(:vague as varchar) is null or d.vague = :vague)"
            + " and (cast(:appel as varchar) is null or d.appel = :appel) ";

    /** Whether the dossier {@code d} holds a quota place (a status of {@code :laureats}), as 0 or 1. */
    private static final String LAUREAT = " case when d.statut in (:laureats) then 1 else 0 end ";

    private final JdbcClient jdbc;

    JdbcPilotageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private JdbcClient.StatementSpec sql(String sql, Perimetre p) {
        return jdbc.sql(sql).param("vague", p.vague(), Types.VARCHAR).param("appel", p.appel() == null ? null : p.appel().name(), Types.VARCHAR);
    }

    private static List<String> noms(Set<StatutDossier> statuts) {
        return statuts.stream().map(Enum::name).toList();
    }

    private static Compte compte(ResultSet rs, int i) throws SQLException {
        return new Compte(rs.getString("cle"), rs.getLong("nombre"), rs.getLong("laureats"));
    }

    @Override
    public List<Compte> parStatut(Perimetre p) {
        return sql("select d.statut as cle, count(*) as nombre, 0 as laureats from dossier d where" + PERIMETRE + "group by d.statut", p)
                .query(JdbcPilotageRepository::compte).list();
    }

    @Override
    public List<CompteVague> parVague(Perimetre p, Set<StatutDossier> laureats) {
        return sql("""
                select v.code, v.appel, v.etat, v.date_limite, count(d.id) as nombre, coalesce(sum(%s), 0) as laureats
                  from vague v left join dossier d on d.vague = v.code
                 where (cast(:vague as varchar) is null or v.code = :vague) and (cast(:appel as varchar) is null or v.appel = :appel)
                 group by v.code, v.appel, v.etat, v.date_limite
                 order by v.date_limite, v.code
                """.formatted(LAUREAT), p).param("laureats", noms(laureats))
                .query((rs, i) -> new CompteVague(rs.getString("code"), rs.getString("appel"), rs.getString("etat"),
                        rs.getTimestamp("date_limite").toInstant(), rs.getLong("nombre"), rs.getLong("laureats")))
                .list();
    }

    @Override
    public List<Compte> parAppel(Perimetre p, Set<StatutDossier> laureats) {
        return sql("select d.appel as cle, count(*) as nombre, sum(" + LAUREAT + ") as laureats from dossier d where" + PERIMETRE
                + "group by d.appel", p).param("laureats", noms(laureats)).query(JdbcPilotageRepository::compte).list();
    }

    @Override
    public List<Compte> parRegion(Perimetre p, Set<StatutDossier> laureats) {
        return sql("select d.region as cle, count(*) as nombre, sum(" + LAUREAT + ") as laureats from dossier d where" + PERIMETRE
                + "group by d.region order by count(*) desc, d.region", p).param("laureats", noms(laureats))
                .query(JdbcPilotageRepository::compte).list();
    }

    @Override
    public List<CompteDepartement> parDepartement(Perimetre p, Set<StatutDossier> laureats) {
        return sql("select d.departement, d.region, count(*) as nombre, sum(" + LAUREAT + ") as laureats from dossier d where" + PERIMETRE
                + "group by d.departement, d.region order by count(*) desc, d.departement", p).param("laureats", noms(laureats))
                .query((rs, i) -> new CompteDepartement(rs.getString("departement"), rs.getString("region"), rs.getLong("nombre"),
                        rs.getLong("laureats")))
                .list();
    }

    @Override
    public Flux flux(Perimetre p) {
        // Commitment of a dossier: its last published laureate decision plus its applied amendments (JdbcDecisionComiteRepository#engagement).
        // Released: all of it for a lapsed convention, the unpaid part for a convention ended early (ConsulterFinancesDossier).
        return sql("""
                with f as (
                  select d.statut, c.dossier_id is not null as convention,
                         coalesce((select dc.engagement from decision_comite dc
                                    where dc.dossier_id = d.id and dc.etat = 'PUBLIEE' and dc.decision = 'LAUREAT'
                                    order by dc.publiee_le desc nulls last, dc.id desc limit 1), 0)
                           + coalesce((select sum(a.engagement_delta) from avenant a where a.dossier_id = d.id and a.etat = 'APPLIQUE'), 0)
                           as engage,
                         coalesce((select sum(v.montant) from versement v where v.dossier_id = d.id and v.emis_le is not null), 0) as verse,
                         coalesce((select sum(r.recu_montant) from reversement r
                                    where r.dossier_id = d.id and r.recu_valide_le is not null), 0) as recouvre
                    from dossier d left join convention c on c.dossier_id = d.id
                   where""" + PERIMETRE + """
                )
                select coalesce(sum(verse), 0) as verse, coalesce(sum(recouvre), 0) as recouvre,
                       coalesce(sum(case when statut = 'CADUC' and convention then engage
                                         when statut in ('SOLDE_APRES_REVERSEMENT', 'RESILIE', 'RENONCE', 'ANNULE') then greatest(0, engage - verse)
                                         else 0 end), 0) as libere
                  from f
                """, p).query((rs, i) -> new Flux(rs.getLong("verse"), rs.getLong("recouvre"), rs.getLong("libere"))).single();
    }

    @Override
    public List<Duree> durees(Perimetre p) {
        return sql("""
                with dates as (
                  select d.depose_le as depot,
                         case when i.complet then i.completude_le end as complet,
                         case when i.validation = 'VALIDEE' then i.validee_le end as instruit,
                         (select max(dc.publiee_le) from decision_comite dc
                           where dc.dossier_id = d.id and dc.etat = 'PUBLIEE' and dc.decision in ('LAUREAT', 'REFUSE')) as decide,
                         c.signee_etat_le as signe,
                         (select v.emis_le from versement v where v.dossier_id = d.id and v.annee = 1) as verse1,
                         (select v.emis_le from versement v where v.dossier_id = d.id and v.annee = 2) as verse2,
                         (select v.emis_le from versement v where v.dossier_id = d.id and v.annee = 3) as verse3
                    from dossier d
                    left join instruction i on i.dossier_id = d.id
                    left join convention c on c.dossier_id = d.id
                   where""" + PERIMETRE + """
                ), etapes (etape, debut, fin) as (
                  select '%s', depot, complet from dates
                  union all select '%s', complet, instruit from dates
                  union all select '%s', instruit, decide from dates
                  union all select '%s', decide, signe from dates
                  union all select '%s', signe, verse1 from dates
                  union all select '%s', verse1, verse2 from dates
                  union all select '%s', verse2, verse3 from dates
                  union all select '%s', depot, decide from dates
                )
                select etape, count(*) as nombre,
                       percentile_cont(0.5) within group (order by extract(epoch from fin - debut)::double precision / 86400) as mediane,
                       percentile_cont(0.9) within group (order by extract(epoch from fin - debut)::double precision / 86400) as centile90
                  from etapes
                 where debut is not null and fin is not null
                 group by etape
                """.formatted(EtapeDelai.DEPOT_COMPLET, EtapeDelai.COMPLET_INSTRUIT, EtapeDelai.INSTRUIT_DECIDE, EtapeDelai.DECIDE_SIGNE,
                EtapeDelai.SIGNE_VERSEMENT_1, EtapeDelai.VERSEMENT_1_VERSEMENT_2, EtapeDelai.VERSEMENT_2_VERSEMENT_3,
                EtapeDelai.DEPOT_DECIDE), p)
                .query((rs, i) -> new Duree(rs.getString("etape"), rs.getLong("nombre"), (Double) rs.getObject("mediane"),
                        (Double) rs.getObject("centile90")))
                .list();
    }
}
