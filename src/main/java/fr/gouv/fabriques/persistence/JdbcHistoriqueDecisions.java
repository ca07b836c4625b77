package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.HistoriqueDecisions;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the decided history for a replay; never writes (every statement is a select). */
@Repository
class JdbcHistoriqueDecisions implements HistoriqueDecisions {

    private static final Map<Critere, String> COLONNES_NOTES = Map.of(Critere.GOUVERNANCE, "note_gouvernance", Critere.PARTENARIATS,
            "note_partenariats", Critere.BESOIN_LOCAL, "note_besoin_local", Critere.OFFRE_SERVICES, "note_offre_services",
            Critere.MODELE_ECONOMIQUE, "note_modele_economique", Critere.EMPLOI, "note_emploi");

    private final JdbcClient jdbc;

    JdbcHistoriqueDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Brute(String code, Appel appel, java.time.LocalDate dateComite, int dossiers, Instant publieeLe) {
    }

    private record Reequilibrage(Categorie de, Categorie vers, int nombre, Instant le) {
    }

    private record Laureat(String vague, Categorie categorie, long engagement, Instant le) {
    }

    @Override
    public List<VagueDeliberee> vaguesDeliberees() {
        List<Brute> brutes = jdbc.sql("""
                select v.code, v.appel, v.date_comite,
                       (select count(distinct dc.dossier_id) from decision_comite dc where dc.vague = v.code and dc.etat = 'PUBLIEE') as dossiers,
                       coalesce((select max(dc.publiee_le) from decision_comite dc where dc.vague = v.code and dc.etat = 'PUBLIEE'),
                                (select p.le from publication_vague p where p.vague = v.code and p.etat = 'PUBLIEE'),
                                v.date_limite) as publiee_le
                from vague v where v.etat = 'DELIBEREE'
                order by v.date_comite nulls last, v.date_limite, v.code
                """).query((rs, i) -> new Brute(rs.getString("code"), Appel.valueOf(rs.getString("appel")),
                rs.getDate("date_comite") == null ? null : rs.getDate("date_comite").toLocalDate(), rs.getInt("dossiers"),
                rs.getTimestamp("publiee_le").toInstant())).list();
        Map<Categorie, Integer> quotasActuels = new EnumMap<>(Categorie.class);
        long[] enveloppe = new long[1];
        jdbc.sql("select * from programme where id = 1").query(rs -> {
            for (Categorie c : Categorie.values()) {
                quotasActuels.put(c, rs.getInt("quota_" + c.name().toLowerCase()));
            }
            enveloppe[0] = rs.getLong("enveloppe");
        });
        List<Reequilibrage> reequilibrages = jdbc.sql("select de, vers, nombre, decide_le from reequilibrage_quota").query((rs, i) ->
                new Reequilibrage(Categorie.valueOf(rs.getString("de")), Categorie.valueOf(rs.getString("vers")), rs.getInt("nombre"),
                        rs.getTimestamp("decide_le").toInstant())).list();
        List<Laureat> laureats = jdbc.sql("""
                select dc.vague, d.categorie, dc.engagement, dc.publiee_le from decision_comite dc join dossier d on d.id = dc.dossier_id
                where dc.etat = 'PUBLIEE' and dc.decision = 'LAUREAT' and dc.publiee_le is not null
                """).query((rs, i) -> new Laureat(rs.getString("vague"), Categorie.valueOf(rs.getString("categorie")), rs.getLong("engagement"),
                rs.getTimestamp("publiee_le").toInstant())).list();
        List<VagueDeliberee> vagues = new ArrayList<>();
        for (Brute b : brutes) {
            VagueDeliberee enregistree = jdbc.sql("select * from etat_programme_vague where vague = ?").param(b.code())
                    .query((rs, i) -> etat(b, rs)).optional().orElse(null);
            vagues.add(enregistree != null ? enregistree : reconstituer(b, quotasActuels, enveloppe[0], reequilibrages, laureats));
        }
        return vagues;
    }

    private static VagueDeliberee etat(Brute b, ResultSet rs) throws SQLException {
        Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
        Map<Categorie, Integer> laureats = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            quotas.put(c, rs.getInt("quota_" + c.name().toLowerCase()));
            laureats.put(c, rs.getInt("laureats_" + c.name().toLowerCase()));
        }
        return new VagueDeliberee(b.code(), b.appel(), b.dateComite(), b.dossiers(), quotas, laureats, rs.getLong("enveloppe"),
                rs.getLong("engage"), false);
    }

    /** Today's quotas less the rebalancings decided after the wave's publication; the earlier waves' published laureates. */
    private static VagueDeliberee reconstituer(Brute b, Map<Categorie, Integer> quotasActuels, long enveloppe, List<Reequilibrage> reequilibrages,
            List<Laureat> laureats) {
        Map<Categorie, Integer> quotas = new EnumMap<>(quotasActuels);
        for (Reequilibrage r : reequilibrages) {
            if (r.le().isAfter(b.publieeLe())) {
                quotas.merge(r.de(), r.nombre(), Integer::sum);
                quotas.merge(r.vers(), -r.nombre(), Integer::sum);
            }
        }
        Map<Categorie, Integer> avant = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            avant.put(c, 0);
        }
        long engage = 0;
        for (Laureat l : laureats) {
            if (!l.vague().equals(b.code()) && l.le().isBefore(b.publieeLe())) {
                avant.merge(l.categorie(), 1, Integer::sum);
                engage += l.engagement();
            }
        }
        return new VagueDeliberee(b.code(), b.appel(), b.dateComite(), b.dossiers(), quotas, avant, enveloppe, engage, true);
    }

    private static final String COLONNES = """
            d.id, d.numero, d.raison_sociale, d.appel, d.categorie, d.region, d.departement, d.statut,
            d.montant_demande_1, d.montant_demande_2, d.montant_demande_3, d.code_qpv, d.forme_juridique, d.code_insee,
            i.eligibilite_entrees, i.motifs_irrecevabilite, i.note_gouvernance, i.note_partenariats, i.note_besoin_local,
            i.note_offre_services, i.note_modele_economique, i.note_emploi, i.score_total, i.proposition, i.avis_territorial,
            i.montant_propose_1, i.montant_propose_2, i.montant_propose_3
            """;

    @Override
    public List<Ligne> dossiers(List<String> vagues) {
        if (vagues.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select dc.vague as vague_rejouee, true as a_seance, dc.decision, dc.engagement, " + COLONNES + """
                from decision_comite dc join dossier d on d.id = dc.dossier_id left join instruction i on i.dossier_id = d.id
                where dc.etat = 'PUBLIEE' and dc.vague in (:vagues)
                union all
                select d.vague as vague_rejouee, false as a_seance, null as decision, 0 as engagement,
                """ + COLONNES + """
                from dossier d left join instruction i on i.dossier_id = d.id
                where d.vague in (:vagues)
                  and not exists (select 1 from decision_comite x where x.dossier_id = d.id and x.etat = 'PUBLIEE' and x.vague = d.vague)
                order by vague_rejouee, numero
                """).param("vagues", vagues).query(this::ligne).list();
    }

    private Ligne ligne(ResultSet rs, int i) throws SQLException {
        Map<Critere, Integer> notes = new EnumMap<>(Critere.class);
        for (Map.Entry<Critere, String> e : COLONNES_NOTES.entrySet()) {
            Object n = rs.getObject(e.getValue());
            if (n instanceof Number nombre) {
                notes.put(e.getKey(), nombre.intValue());
            }
        }
        String decision = rs.getString("decision");
        boolean eligible = rs.getString("motifs_irrecevabilite") == null && !"IRRECEVABLE".equals(rs.getString("statut"));
        return new Ligne(rs.getString("vague_rejouee"), rs.getLong("id"), rs.getString("numero"), rs.getString("raison_sociale"),
                Appel.valueOf(rs.getString("appel")), Categorie.valueOf(rs.getString("categorie")), rs.getString("region"),
                rs.getString("departement"),
                new MontantsAnnuels(rs.getInt("montant_demande_1"), rs.getInt("montant_demande_2"), rs.getInt("montant_demande_3")),
                rs.getString("code_qpv"), FormeJuridique.valueOf(rs.getString("forme_juridique")), rs.getString("code_insee"),
                EntreesJson.lire(rs.getString("eligibilite_entrees")), eligible, notes.size() == COLONNES_NOTES.size() ? notes : null,
                rs.getBigDecimal("score_total"), avis(rs.getString("proposition")), avis(rs.getString("avis_territorial")),
                montants(rs), rs.getBoolean("a_seance"), decision == null ? null : TypeDecision.valueOf(decision), rs.getLong("engagement"));
    }

    private static Avis avis(String s) {
        return s == null ? null : Avis.valueOf(s);
    }

    private static MontantsAnnuels montants(ResultSet rs) throws SQLException {
        Integer m1 = (Integer) rs.getObject("montant_propose_1");
        return m1 == null ? null : new MontantsAnnuels(m1, rs.getInt("montant_propose_2"), rs.getInt("montant_propose_3"));
    }


}
