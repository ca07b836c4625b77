package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.liste.FiltreDossiers;
import fr.gouv.fabriques.application.liste.LigneExport;
import fr.gouv.fabriques.application.liste.PageDossiers;
import fr.gouv.fabriques.application.liste.ResumeDossier;
import fr.gouv.fabriques.application.liste.TriDossiers;
import fr.gouv.fabriques.application.port.ListeDossiersRepository;
import fr.gouv.fabriques.domain.StatutDossier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossiers list (README « Tous les dossiers et exports »). The SQL is assembled from fixed
 * fragments only; every value the agent sent is a bind parameter, and the order comes from
 * {@link TriDossiers}, never from the request. The text search reads {@code dossier.recherche}
 * (V50: lower case, no accents). An export reads its rows through a server-side cursor (a fetch
 * size inside a read-only transaction: PostgreSQL's driver then fetches by batches instead of
 * loading the whole result), each row handed on as soon as it is read.
 */
@Repository
class JdbcListeDossiersRepository implements ListeDossiersRepository {

    /** Rows fetched per round trip by an export's cursor. */
    static final int LOT = 500;

    private static final String RESUME = """
            select d.id, d.numero, d.raison_sociale, d.siret, d.commune, d.departement, d.region, d.categorie, d.appel, d.vague,
                   d.statut, d.montant_demande_1 + d.montant_demande_2 + d.montant_demande_3 as montant_demande, d.depose_le,
                   i.score_total, i.avis_territorial, i.avis_absent, i.proposition,
                   (select x.montant_1 + x.montant_2 + x.montant_3 from decision_comite x
                     where x.dossier_id = d.id and x.etat = 'PUBLIEE' and x.decision = 'LAUREAT'
                     order by x.decide_le desc, x.id desc limit 1) as montant_decide
              from dossier d
              left join instruction i on i.dossier_id = d.id
            """;

    private static final String EXPORT = """
            select d.numero, d.raison_sociale, d.siret, d.forme_juridique, d.adresse_ligne, d.code_postal, d.commune, d.code_insee,
                   d.departement, d.region, d.code_qpv, d.projet_nom, d.projet_description, d.projet_services, d.projet_partenaires,
                   d.projet_gouvernance, d.projet_etp_finances, d.categorie, d.appel, d.vague, d.statut,
                   d.montant_demande_1, d.montant_demande_2, d.montant_demande_3, d.depose_le,
                   i.montant_propose_1, i.montant_propose_2, i.montant_propose_3, i.score_total,
                   i.note_gouvernance, i.note_partenariats, i.note_besoin_local, i.note_offre_services, i.note_modele_economique,
                   i.note_emploi, i.complet, i.pieces_manquantes, i.completude_le,
                   i.avis_territorial, i.avis_absent, i.avis_commentaire, i.avis_par, i.avis_le,
                   i.proposition, i.proposition_motif, i.instruit_par, i.instruit_le,
                   i.validation, i.validation_commentaire, i.validee_par, i.validee_le,
                   dc.decision, dc.etat as decision_etat, dc.montant_1 as decide_1, dc.montant_2 as decide_2, dc.montant_3 as decide_3,
                   dc.motivation as decision_motivation, dc.decide_le, dc.publiee_le,
                   c.statut as convention_statut, c.montant_1 as convention_1, c.montant_2 as convention_2, c.montant_3 as convention_3,
                   c.supplement_numerique, c.generee_le, c.signee_porteur_le, c.signee_etat_le,
                   v.verse, v.emis_1, v.emis_2, v.emis_3, r.reverse_ordonne, r.reverse_recu,
                   f.nature as fin_nature, f.motif as fin_motif, coalesce(f.decidee_le, f.demandee_le) as fin_le
              from dossier d
              left join instruction i on i.dossier_id = d.id
              left join convention c on c.dossier_id = d.id
              left join lateral (select x.* from decision_comite x where x.dossier_id = d.id
                                  order by x.decide_le desc, x.id desc limit 1) dc on true
              left join lateral (select sum(x.montant) filter (where x.emis_le is not null) as verse,
                                        max(x.emis_le) filter (where x.annee = 1) as emis_1,
                                        max(x.emis_le) filter (where x.annee = 2) as emis_2,
                                        max(x.emis_le) filter (where x.annee = 3) as emis_3
                                   from versement x where x.dossier_id = d.id) v on true
              left join lateral (select sum(x.montant) as reverse_ordonne,
                                        sum(x.recu_montant) filter (where x.recu_valide_le is not null) as reverse_recu
                                   from reversement x where x.dossier_id = d.id) r on true
              left join lateral (select x.* from fin_dossier x where x.dossier_id = d.id and x.etat = 'VALIDEE'
                                  order by x.decidee_le desc nulls last, x.id desc limit 1) f on true
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate curseur;

    JdbcListeDossiersRepository(JdbcClient jdbc, DataSource source) {
        this.jdbc = jdbc;
        this.curseur = new JdbcTemplate(source);
        this.curseur.setFetchSize(LOT);
    }

    /** A WHERE clause and its bind values. */
    private record Condition(String sql, List<Object> valeurs) {
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageDossiers page(FiltreDossiers filtre, TriDossiers tri, boolean descendant, int page, int taille) {
        Condition c = condition(filtre);
        long total = jdbc.sql("select count(*) from dossier d left join instruction i on i.dossier_id = d.id" + c.sql())
                .params(c.valeurs()).query(Long.class).single();
        List<Object> valeurs = new ArrayList<>(c.valeurs());
        valeurs.add(taille);
        valeurs.add((long) page * taille);
        List<ResumeDossier> elements = jdbc.sql(RESUME + c.sql() + ordre(tri, descendant) + " limit ? offset ?").params(valeurs)
                .query((rs, n) -> resume(rs)).list();
        return new PageDossiers(elements, total, page, taille);
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long parcourir(FiltreDossiers filtre, TriDossiers tri, boolean descendant, Consumer<LigneExport> ligne) {
        Condition c = condition(filtre);
        long[] n = {0};
        curseur.query(EXPORT + c.sql() + ordre(tri, descendant), rs -> {
            ligne.accept(ligneExport(rs));
            n[0]++;
        }, c.valeurs().toArray());
        return n[0];
    }

    private static Condition condition(FiltreDossiers f) {
        StringBuilder sql = new StringBuilder();
        List<Object> valeurs = new ArrayList<>();
        dans(sql, valeurs, "d.statut", f.statuts().stream().map(StatutDossier::name).toList());
        dans(sql, valeurs, "d.vague", f.vagues());
        dans(sql, valeurs, "d.appel", f.appels().stream().map(Enum::name).toList());
        dans(sql, valeurs, "d.categorie", f.categories().stream().map(Enum::name).toList());
        dans(sql, valeurs, "d.departement", f.departements());
        dans(sql, valeurs, "d.region", f.regions());
        if (!f.avisReferent().isEmpty()) {
            List<String> avis = f.avisReferent().stream().filter(a -> !FiltreDossiers.AVIS_ABSENT.equals(a)).sorted().toList();
            List<String> ou = new ArrayList<>();
            if (!avis.isEmpty()) {
                ou.add("i.avis_territorial in (" + marques(avis.size()) + ")");
                valeurs.addAll(avis);
            }
            if (f.avisReferent().contains(FiltreDossiers.AVIS_ABSENT)) {
                ou.add("i.avis_absent");
            }
            et(sql).append('(').append(String.join(" or ", ou)).append(')');
        }
        dans(sql, valeurs, "i.proposition", f.recommandations());
        if (f.texte() != null) {
            et(sql).append("d.recherche like ? escape '\\'");
            valeurs.add("%" + f.texteNormalise().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.departementsAutorises() != null) {
            if (f.departementsAutorises().isEmpty()) {
                et(sql).append("false");
            } else {
                dans(sql, valeurs, "d.departement", f.departementsAutorises());
            }
        }
        return new Condition(sql.toString(), valeurs);
    }

    private static void dans(StringBuilder sql, List<Object> valeurs, String colonne, Collection<String> admis) {
        if (admis.isEmpty()) {
            return;
        }
        et(sql).append(colonne).append(" in (").append(marques(admis.size())).append(')');
        valeurs.addAll(admis.stream().sorted().toList());
    }

    private static StringBuilder et(StringBuilder sql) {
        return sql.append(sql.isEmpty() ? " where " : " and ");
    }

    private static String marques(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String ordre(TriDossiers tri, boolean descendant) {
        String colonne = switch (tri) {
            case NUMERO -> "d.numero";
            case STRUCTURE -> "lower(d.raison_sociale)";
            case STATUT -> "d.statut";
            case VAGUE -> "d.vague";
            case CATEGORIE -> "d.categorie";
            case DEPARTEMENT -> "d.departement";
            case REGION -> "d.region";
            case MONTANT_DEMANDE -> "(d.montant_demande_1 + d.montant_demande_2 + d.montant_demande_3)";
            case SCORE -> "i.score_total";
            case DATE_DEPOT -> "d.depose_le";
        };
        String sens = descendant ? " desc" : " asc";
        return " order by " + colonne + sens + " nulls last, d.id" + sens;
    }

    private static ResumeDossier resume(ResultSet rs) throws SQLException {
        String statut = rs.getString("statut");
        Long decide = long_(rs, "montant_decide");
        return new ResumeDossier(rs.getString("numero"), rs.getString("raison_sociale"), rs.getString("siret"), rs.getString("commune"),
                rs.getString("departement"), rs.getString("region"), rs.getString("categorie"), rs.getString("appel"),
                rs.getString("vague"), statut, libelleStatut(statut), rs.getLong("montant_demande"), decide,
                rs.getBigDecimal("score_total"),
                rs.getBoolean("avis_absent") ? FiltreDossiers.AVIS_ABSENT : rs.getString("avis_territorial"), rs.getString("proposition"),
                instant(rs.getTimestamp("depose_le")));
    }

    private static String libelleStatut(String statut) {
        try {
            return StatutDossier.valueOf(statut).libelle();
        } catch (IllegalArgumentException e) {
            return statut;
        }
    }

    private static LigneExport ligneExport(ResultSet rs) throws SQLException {
        return new LigneExport(rs.getString("numero"), rs.getString("raison_sociale"), rs.getString("siret"),
                rs.getString("forme_juridique"), rs.getString("adresse_ligne"), rs.getString("code_postal"), rs.getString("commune"),
                rs.getString("code_insee"), rs.getString("departement"), rs.getString("region"), rs.getString("code_qpv"),
                rs.getString("projet_nom"), rs.getString("projet_description"), rs.getString("projet_services"),
                rs.getString("projet_partenaires"), rs.getString("projet_gouvernance"), rs.getBigDecimal("projet_etp_finances"),
                rs.getString("categorie"), rs.getString("appel"), rs.getString("vague"), rs.getString("statut"),
                entier(rs, "montant_demande_1"), entier(rs, "montant_demande_2"), entier(rs, "montant_demande_3"),
                entier(rs, "montant_propose_1"), entier(rs, "montant_propose_2"), entier(rs, "montant_propose_3"),
                entier(rs, "decide_1"), entier(rs, "decide_2"), entier(rs, "decide_3"),
                entier(rs, "convention_1"), entier(rs, "convention_2"), entier(rs, "convention_3"), entier(rs, "supplement_numerique"),
                long_(rs, "verse"), long_(rs, "reverse_ordonne"), long_(rs, "reverse_recu"),
                rs.getBigDecimal("score_total"), entier(rs, "note_gouvernance"), entier(rs, "note_partenariats"),
                entier(rs, "note_besoin_local"), entier(rs, "note_offre_services"), entier(rs, "note_modele_economique"),
                entier(rs, "note_emploi"),
                (Boolean) rs.getObject("complet"), rs.getString("pieces_manquantes"),
                rs.getString("avis_territorial"), rs.getBoolean("avis_absent"), rs.getString("avis_commentaire"), rs.getString("avis_par"),
                rs.getString("proposition"), rs.getString("proposition_motif"), rs.getString("instruit_par"),
                rs.getString("validation"), rs.getString("validation_commentaire"), rs.getString("validee_par"),
                rs.getString("decision"), rs.getString("decision_etat"), rs.getString("decision_motivation"),
                rs.getString("convention_statut"), rs.getString("fin_nature"), rs.getString("fin_motif"),
                instant(rs.getTimestamp("depose_le")), instant(rs.getTimestamp("completude_le")), instant(rs.getTimestamp("avis_le")),
                instant(rs.getTimestamp("instruit_le")), instant(rs.getTimestamp("validee_le")), instant(rs.getTimestamp("decide_le")),
                instant(rs.getTimestamp("publiee_le")), instant(rs.getTimestamp("generee_le")),
                instant(rs.getTimestamp("signee_porteur_le")), instant(rs.getTimestamp("signee_etat_le")),
                instant(rs.getTimestamp("emis_1")), instant(rs.getTimestamp("emis_2")), instant(rs.getTimestamp("emis_3")),
                instant(rs.getTimestamp("fin_le")));
    }

    private static Integer entier(ResultSet rs, String colonne) throws SQLException {
        int v = rs.getInt(colonne);
        return rs.wasNull() ? null : v;
    }

    private static Long long_(ResultSet rs, String colonne) throws SQLException {
        long v = rs.getLong(colonne);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
