package fr.gouv.fabriques.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.gouv.fabriques.application.MemoireTransaction;
import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.application.port.DsRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Tables ds_* (V54). The outbox follows {@link JdbcBoiteEnvoi}: deposit in the caller's transaction, the sender's statements each in its own. */
@Repository
class JdbcDsRepository implements DsRepository {

    private final JdbcClient jdbc;

    JdbcDsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void verrouiller(int dsNumero) {
        // Two-key form: the first key keeps the connector's locks apart from other advisory locks of the application.
        jdbc.sql("select pg_advisory_xact_lock(5400, ?)").param(dsNumero).query((rs, i) -> 1).list();
    }

    @Override
    public Optional<Lien> lien(int dsNumero) {
        return jdbc.sql("select * from ds_dossier where ds_numero = ?").param(dsNumero).query(JdbcDsRepository::lien).optional();
    }

    /**
     * A dossier's link is written once, in the transaction that creates the dossier ({@link #lier}): a dossier the current
     * transaction found without one stays without one until it ends, unless it links it itself. Each entry of the timeline the
     * applicant sees asks (EcritureDs); a deposit writes two (issue 13).
     */
    @Override
    public Optional<Lien> lienDuDossier(long dossierId) {
        if (sansLienPourToujours.getIfPresent(dossierId) != null) {
            return Optional.empty();
        }
        Map<Long, Boolean> sansLien = MemoireTransaction.carte(SANS_LIEN);
        if (sansLien != null && sansLien.containsKey(dossierId)) {
            retenirApresValidation(sansLien, dossierId);
            return Optional.empty();
        }
        Optional<Lien> lien = jdbc.sql("select * from ds_dossier where dossier_id = ?").param(dossierId).query(JdbcDsRepository::lien).optional();
        if (lien.isEmpty() && sansLien != null) {
            retenirApresValidation(sansLien, dossierId);
        }
        return lien;
    }

    /** This transaction's dossiers without a link: true once kept for after the commit ({@link #retenirApresValidation}). */
    private static final Object SANS_LIEN = MemoireTransaction.cle("dossiers sans lien DS dans la transaction");

    /** Enough for every dossier of several years of the programme; beyond, the least used are asked again. */
    static final int SANS_LIEN_GARDES = 50_000;

    /**
     * Dossiers whose creating transaction committed without a link: they never get one ({@link #lier} is only called in the
     * transaction that creates the dossier, by the import), so the answer holds on every node and for good. Each entry of
     * the timeline the applicant sees asks, and most dossiers come through the API (issue 13: a round trip per mail).
     */
    private final Cache<Long, Boolean> sansLienPourToujours = Caffeine.newBuilder().maximumSize(SANS_LIEN_GARDES).build();

    /** A dossier just inserted: no link until this transaction writes one ({@link #lier}), so no need to ask before. */
    static void sansLienPourLInstant(long dossierId) {
        Map<Long, Boolean> sansLien = MemoireTransaction.carte(SANS_LIEN);
        if (sansLien != null) {
            sansLien.putIfAbsent(dossierId, Boolean.FALSE);
        }
    }

    /** Still without a link when its transaction commits: without one for good. */
    private void retenirApresValidation(Map<Long, Boolean> sansLien, long dossierId) {
        if (Boolean.TRUE.equals(sansLien.put(dossierId, Boolean.TRUE))) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (sansLien.containsKey(dossierId)) {
                    sansLienPourToujours.put(dossierId, Boolean.TRUE);
                }
            }
        });
    }

    @Override
    public java.util.Map<Long, Lien> liensDesDossiers(java.util.Collection<Long> dossierIds) {
        java.util.Map<Long, Lien> r = new java.util.HashMap<>();
        if (!dossierIds.isEmpty()) {
            jdbc.sql("select * from ds_dossier where dossier_id = any(?)").param(dossierIds.toArray(Long[]::new)).query(JdbcDsRepository::lien)
                    .list().forEach(l -> r.put(l.dossierId(), l));
        }
        return r;
    }

    private static Lien lien(ResultSet rs, int i) throws SQLException {
        return new Lien(rs.getInt("ds_numero"), rs.getString("ds_id"), rs.getInt("demarche"), rs.getLong("dossier_id"),
                instant(rs.getTimestamp("champs_modifies_le")));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lier(Lien l, Instant le) {
        Map<Long, Boolean> sansLien = MemoireTransaction.carte(SANS_LIEN);
        if (sansLien != null) {
            sansLien.remove(l.dossierId());
        }
        jdbc.sql("""
                insert into ds_dossier (ds_numero, ds_id, demarche, dossier_id, champs_modifies_le, importe_le, mis_a_jour_le)
                values (?, ?, ?, ?, ?, ?, ?)
                """).param(l.dsNumero()).param(l.dsId()).param(l.demarche()).param(l.dossierId()).param(ts(l.champsModifies()))
                .param(ts(le)).param(ts(le)).update();
    }

    @Override
    public void champsPris(int dsNumero, Instant champsModifies, Instant le) {
        jdbc.sql("update ds_dossier set champs_modifies_le = ?, mis_a_jour_le = ? where ds_numero = ?")
                .param(ts(champsModifies)).param(ts(le)).param(dsNumero).update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void mettreAJourDemande(long dossierId, DemandeDepot d, Instant le) {
        JdbcDossierRepository.oublierInsere(dossierId);
        DemandeDepot.StructureDemandee s = d.structure();
        DemandeDepot.AdresseDemandee a = s.adresse();
        jdbc.sql("""
                update dossier set raison_sociale = ?, forme_juridique = ?, adresse_ligne = ?, code_postal = ?, commune = ?, code_insee = ?,
                       departement = ?, region = ?, code_qpv = ?, contact_nom = ?, contact_email = ?, contact_telephone = ?,
                       projet_nom = ?, projet_description = ?, projet_services = ?, projet_partenaires = ?, projet_gouvernance = ?,
                       projet_etp_finances = ?, montant_demande_1 = ?, montant_demande_2 = ?, montant_demande_3 = ?, modifie_le = ?,
                       version = version + 1
                 where id = ? and statut = 'DEPOSE'
                """).param(s.raisonSociale().strip()).param(s.formeJuridique()).param(a.ligne().strip()).param(a.codePostal())
                .param(a.commune().strip()).param(a.codeInsee()).param(a.departement()).param(a.region()).param(s.codeQpv())
                .param(d.contact().nom().strip()).param(d.contact().email().strip()).param(d.contact().telephone().replaceAll("[ .-]", ""))
                .param(d.projet().nom().strip()).param(d.projet().description().strip()).param(String.join(",", d.projet().services()))
                .param(d.projet().partenaires().strip()).param(d.projet().gouvernance().strip()).param(d.projet().etpFinances())
                .param(d.montantsDemandes().annee1()).param(d.montantsDemandes().annee2()).param(d.montantsDemandes().annee3())
                .param(ts(le)).param(dossierId).update();
    }

    @Override
    public Position position(int demarche) {
        return jdbc.sql("select * from ds_position where demarche = ?").param(demarche)
                .query((rs, i) -> new Position(instant(rs.getTimestamp("depuis")), rs.getString("curseur"), instant(rs.getTimestamp("plus_recente")),
                        instant(rs.getTimestamp("lu_le"))))
                .optional().orElse(Position.DEBUT);
    }

    @Override
    public void enregistrerPosition(int demarche, Position p) {
        jdbc.sql("""
                insert into ds_position (demarche, depuis, curseur, plus_recente, lu_le) values (?, ?, ?, ?, ?)
                on conflict (demarche) do update set depuis = excluded.depuis, curseur = excluded.curseur,
                                                     plus_recente = excluded.plus_recente, lu_le = excluded.lu_le
                """).param(demarche).param(ts(p.depuis())).param(p.curseur()).param(ts(p.plusRecente())).param(ts(p.luLe())).update();
    }

    @Override
    public Optional<AReprendre> aReprendre(int dsNumero) {
        return jdbc.sql("select * from ds_a_reprendre where ds_numero = ? and resolu_le is null").param(dsNumero)
                .query(JdbcDsRepository::aReprendre).optional();
    }

    @Override
    public void enregistrerAReprendre(AReprendre a) {
        jdbc.sql("""
                insert into ds_a_reprendre (ds_numero, demarche, ds_id, motif, erreurs, derniere_modification, tentatives, premiere_le, derniere_le)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ds_numero) do update set motif = excluded.motif, erreurs = excluded.erreurs,
                       derniere_modification = excluded.derniere_modification, tentatives = excluded.tentatives,
                       derniere_le = excluded.derniere_le, resolu_le = null,
                       premiere_le = case when ds_a_reprendre.resolu_le is null then ds_a_reprendre.premiere_le else excluded.premiere_le end
                """).param(a.dsNumero()).param(a.demarche()).param(a.dsId()).param(a.motif()).param(a.erreurs())
                .param(ts(a.derniereModification())).param(a.tentatives()).param(ts(a.premiereLe())).param(ts(a.derniereLe())).update();
    }

    @Override
    public void resoudre(int dsNumero, Instant le) {
        jdbc.sql("update ds_a_reprendre set resolu_le = ? where ds_numero = ? and resolu_le is null").param(ts(le)).param(dsNumero).update();
    }

    @Override
    public List<AReprendre> aReprendre(boolean seulementARelire) {
        return jdbc.sql("select * from ds_a_reprendre where resolu_le is null" + (seulementARelire ? " and motif in ('PIECE_EN_ATTENTE', 'SOMME_CONTROLE', 'ERREUR')" : "")
                + " order by premiere_le, ds_numero").query(JdbcDsRepository::aReprendre).list();
    }

    private static AReprendre aReprendre(ResultSet rs, int i) throws SQLException {
        return new AReprendre(rs.getInt("ds_numero"), rs.getInt("demarche"), rs.getString("ds_id"), rs.getString("motif"), rs.getString("erreurs"),
                instant(rs.getTimestamp("derniere_modification")), rs.getInt("tentatives"), instant(rs.getTimestamp("premiere_le")),
                instant(rs.getTimestamp("derniere_le")));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deposerEnvoi(EnvoiADeposer e) {
        jdbc.sql("""
                insert into ds_envoi (dossier_id, ds_numero, ds_id, evenement_id, cle, nature, actions, etat, tentatives, prochaine_tentative, cree_le)
                values (?, ?, ?, ?, ?, ?, ?, 'A_ENVOYER', 0, ?, ?)
                on conflict do nothing
                """).param(e.dossierId()).param(e.dsNumero()).param(e.dsId()).param(e.evenementId()).param(e.cle()).param(e.nature())
                .param(e.actions()).param(ts(e.creeLe())).param(ts(e.creeLe())).update();
    }

    /** Only the oldest unfinished row of each DS dossier: its mutations keep their order (instruction before decision). */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<EnvoiReserve> reserverEnvois(int nombre, Instant maintenant, Instant bailJusqua) {
        return jdbc.sql("""
                update ds_envoi set etat = 'EN_COURS', tentatives = tentatives + 1, prochaine_tentative = :bail
                 where id in (select e.id from ds_envoi e
                               where e.etat in ('A_ENVOYER', 'EN_COURS') and e.prochaine_tentative <= :maintenant
                                 and not exists (select 1 from ds_envoi p where p.ds_numero = e.ds_numero and p.id < e.id and p.etat <> 'FAIT')
                               order by e.prochaine_tentative, e.id
                               limit :nombre
                               for update skip locked)
                returning id, ds_numero, ds_id, nature, actions, faites, tentatives
                """).param("bail", ts(bailJusqua)).param("maintenant", ts(maintenant)).param("nombre", nombre)
                .query((rs, i) -> new EnvoiReserve(rs.getLong("id"), rs.getInt("ds_numero"), rs.getString("ds_id"), rs.getString("nature"),
                        rs.getString("actions"), rs.getInt("faites"), rs.getInt("tentatives")))
                .list().stream().sorted(java.util.Comparator.comparingLong(EnvoiReserve::id)).toList();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void avancer(long id, int faites) {
        jdbc.sql("update ds_envoi set faites = greatest(faites, ?) where id = ?").param(faites).param(id).update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void marquerFait(long id, Instant le) {
        jdbc.sql("""
                update ds_envoi set etat = 'FAIT', fait_le = ?, prochaine_tentative = null, derniere_erreur = null,
                       -- the first message of an imported dossier carries the applicant's token: not kept once delivered
                       actions = case when nature = 'DEPOT' then '[]' else actions end
                 where id = ? and etat <> 'FAIT'
                """).param(ts(le)).param(id).update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reporterEnvoi(long id, int tentative, Instant prochaine, String erreur) {
        jdbc.sql("update ds_envoi set etat = 'A_ENVOYER', prochaine_tentative = ?, derniere_erreur = ? where id = ? and etat = 'EN_COURS' and tentatives = ?")
                .param(ts(prochaine)).param(tronquer(erreur)).param(id).param(tentative).update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void abandonnerEnvoi(long id, int tentative, String erreur) {
        jdbc.sql("update ds_envoi set etat = 'ECHEC', prochaine_tentative = null, derniere_erreur = ? where id = ? and etat = 'EN_COURS' and tentatives = ?")
                .param(tronquer(erreur)).param(id).param(tentative).update();
    }

    @Override
    public List<EnvoiVue> envois(Optional<String> etat, int limite) {
        return jdbc.sql("""
                select e.*, d.numero from ds_envoi e left join dossier d on d.id = e.dossier_id
                 where (cast(:etat as varchar) is null or e.etat = :etat) order by e.id desc limit :limite
                """).param("etat", etat.orElse(null)).param("limite", limite)
                .query((rs, i) -> new EnvoiVue(rs.getLong("id"), rs.getString("numero"), rs.getInt("ds_numero"), rs.getString("nature"),
                        rs.getString("etat"), rs.getInt("faites"), rs.getInt("tentatives"), rs.getString("derniere_erreur"),
                        instant(rs.getTimestamp("cree_le")), instant(rs.getTimestamp("fait_le"))))
                .list();
    }

    @Override
    public Map<String, Long> comptesEnvois() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String e : List.of("A_ENVOYER", "EN_COURS", "FAIT", "ECHEC")) {
            m.put(e, 0L);
        }
        jdbc.sql("select etat, count(*) n from ds_envoi group by etat").query((rs, i) -> m.put(rs.getString("etat"), rs.getLong("n"))).list();
        return m;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String tronquer(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
