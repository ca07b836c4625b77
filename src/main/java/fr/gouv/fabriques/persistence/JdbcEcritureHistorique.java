package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.EcritureHistorique;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.Programme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo history in bulk: batched inserts into the tables the application itself writes
 * (vague, dossier, instruction, decision_comite, publication_vague, etat_programme_vague,
 * reequilibrage_quota, programme), within their constraints. No Camunda process is started:
 * these dossiers are past, decided, and only read (fiche, simulation).
 */
@Repository
class JdbcEcritureHistorique implements EcritureHistorique {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    JdbcEcritureHistorique(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    @Override
    public boolean dejaSeme(List<String> vagues) {
        return jdbc.sql("select count(*) from dossier where vague in (:vagues)").param("vagues", vagues).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from decision_comite where vague in (:vagues)").param("vagues", vagues).query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public void ecrire(Historique h) {
        for (VagueEcrite v : h.vagues()) {
            jdbc.sql("""
                    insert into vague (code, appel, date_limite, date_comite, etat, processus_demarre) values (?, ?, ?, ?, 'DELIBEREE', false)
                    on conflict (code) do nothing
                    """).param(v.code()).param(v.appel().name()).param(Timestamp.from(v.dateLimite())).param(Date.valueOf(v.dateComite())).update();
        }
        List<Object[]> dossiers = new ArrayList<>();
        for (DossierEcrit d : h.dossiers()) {
            dossiers.add(new Object[] {d.numero(), d.appel().name(), d.vague(), d.categorie().name(), d.raisonSociale(), d.siret(),
                d.formeJuridique(), "1 place de la Mairie", d.codePostal(), d.commune(), d.codeInsee(), d.departement(), d.region(), d.codeQpv(),
                "Contact " + d.numero(), "contact+" + d.numero().toLowerCase() + "@exemple.invalid", "0100000000", d.projet(),
                "Tiers-lieu : ateliers, coworking, médiation numérique (historique de démonstration).", "Ateliers, formations, accueil",
                d.montantsDemandes().annee1(), d.montantsDemandes().annee2(), d.montantsDemandes().annee3(), d.statut(),
                sha256(d.numero()), Timestamp.from(d.deposeLe()), Timestamp.from(d.modifieLe())});
        }
        jdbcTemplate.batchUpdate("""
                insert into dossier (numero, appel, vague, categorie, raison_sociale, siret, forme_juridique, adresse_ligne, code_postal,
                  commune, code_insee, departement, region, code_qpv, contact_nom, contact_email, contact_telephone, projet_nom,
                  projet_description, projet_services, projet_etp_finances, montant_demande_1, montant_demande_2, montant_demande_3, statut,
                  jeton_hash, depose_le, modifie_le)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                """, dossiers);
        List<Object[]> instructions = new ArrayList<>();
        for (DossierEcrit d : h.dossiers()) {
            boolean note = d.notes() != null;
            instructions.add(new Object[] {note, note ? "instructeur" : null, note ? ts(d.instruitLe()) : null,
                d.avisTerritorial() == null ? null : d.avisTerritorial().name(), d.avisTerritorial() == null ? null : "referent-" + d.departement(),
                d.avisTerritorial() == null ? null : ts(d.instruitLe()), d.recommandation() == null ? null : d.recommandation().name(),
                note ? "Proposition de l'instruction (historique de démonstration)." : null,
                note ? d.montantsProposes().annee1() : null, note ? d.montantsProposes().annee2() : null, note ? d.montantsProposes().annee3() : null,
                note ? "instructeur" : null, note ? ts(d.instruitLe()) : null, note ? "VALIDEE" : null, note ? "instructeur2" : null,
                note ? ts(d.instruitLe().plusSeconds(86_400)) : null, d.motifsIrrecevabilite(),
                n(d.notes(), Critere.GOUVERNANCE), n(d.notes(), Critere.PARTENARIATS), n(d.notes(), Critere.BESOIN_LOCAL),
                n(d.notes(), Critere.OFFRE_SERVICES), n(d.notes(), Critere.MODELE_ECONOMIQUE), n(d.notes(), Critere.EMPLOI), d.score(),
                note ? Boolean.TRUE : null,
                n(note ? d.poids() : null, Critere.GOUVERNANCE), n(note ? d.poids() : null, Critere.PARTENARIATS),
                n(note ? d.poids() : null, Critere.BESOIN_LOCAL), n(note ? d.poids() : null, Critere.OFFRE_SERVICES),
                n(note ? d.poids() : null, Critere.MODELE_ECONOMIQUE), n(note ? d.poids() : null, Critere.EMPLOI),
                d.versionEligibilite().id(), d.versionEligibilite().version(), note ? d.versionPoids().id() : null,
                note ? d.versionPoids().version() : null, note ? d.versionRecommandation().id() : null,
                note ? d.versionRecommandation().version() : null, EntreesJson.ecrire(d.entreesEligibilite()), d.numero()});
        }
        jdbcTemplate.batchUpdate("""
                insert into instruction (dossier_id, complet, completude_par, completude_le, avis_territorial, avis_par, avis_le, proposition,
                  proposition_motif, montant_propose_1, montant_propose_2, montant_propose_3, instruit_par, instruit_le, validation, validee_par,
                  validee_le, motifs_irrecevabilite, note_gouvernance, note_partenariats, note_besoin_local, note_offre_services,
                  note_modele_economique, note_emploi, score_total, absence_conflit_interets, poids_gouvernance, poids_partenariats,
                  poids_besoin_local, poids_offre_services, poids_modele_economique, poids_emploi, eligibilite_decision, eligibilite_version,
                  notation_poids_decision, notation_poids_version, notation_recommandation_decision, notation_recommandation_version,
                  eligibilite_entrees)
                select d.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                from dossier d where d.numero = ?
                """, instructions);
        List<Object[]> decisions = new ArrayList<>();
        for (DecisionEcrite d : h.decisions()) {
            decisions.add(new Object[] {d.vague(), d.decision().name(), d.montants() == null ? null : d.montants().annee1(),
                d.montants() == null ? null : d.montants().annee2(), d.montants() == null ? null : d.montants().annee3(), d.motivation(),
                "comite", ts(d.decideLe()), d.engagement(), "gestionnaire", ts(d.decideLe().plusSeconds(3600)), d.numero()});
        }
        jdbcTemplate.batchUpdate("""
                insert into decision_comite (dossier_id, vague, decision, montant_1, montant_2, montant_3, motivation, decide_par, decide_le,
                  etat, engagement, publiee_par, publiee_le)
                select d.id, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLIEE', ?, ?, ? from dossier d where d.numero = ?
                """, decisions);
        for (VagueEcrite v : h.vagues()) {
            Programme a = v.avant();
            jdbc.sql("""
                    insert into publication_vague (vague, demandee_par, etat, le, laureats, refuses, ajournes, reportes, engagement)
                    values (?, 'gestionnaire', 'PUBLIEE', ?, ?, ?, ?, 0, ?) on conflict (vague) do nothing
                    """).param(v.code()).param(ts(v.publieeLe())).param(v.laureats()).param(v.refuses()).param(v.ajournes()).param(v.engagement())
                    .update();
            jdbc.sql("""
                    insert into etat_programme_vague (vague, quota_hors_grands_centres, quota_qpv, quota_numerique_qpv,
                      laureats_hors_grands_centres, laureats_qpv, laureats_numerique_qpv, enveloppe, engage, le)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (vague) do nothing
                    """).param(v.code()).param(a.quotas().get(Categorie.HORS_GRANDS_CENTRES)).param(a.quotas().get(Categorie.QPV))
                    .param(a.quotas().get(Categorie.NUMERIQUE_QPV)).param(a.laureats().get(Categorie.HORS_GRANDS_CENTRES))
                    .param(a.laureats().get(Categorie.QPV)).param(a.laureats().get(Categorie.NUMERIQUE_QPV)).param(a.enveloppe())
                    .param(a.engage()).param(ts(v.publieeLe())).update();
        }
        if (h.reequilibrage() != null) {
            Reequilibrage r = h.reequilibrage();
            jdbc.sql("insert into reequilibrage_quota (de, vers, nombre, motif, decide_par, decide_le) values (?, ?, ?, ?, 'gestionnaire', ?)")
                    .param(r.de().name()).param(r.vers().name()).param(r.nombre()).param(r.motif()).param(ts(r.le())).update();
        }
        if (h.programmeFinal() != null) {
            Programme p = h.programmeFinal();
            jdbc.sql("""
                    update programme set quota_hors_grands_centres = ?, quota_qpv = ?, quota_numerique_qpv = ?,
                      laureats_hors_grands_centres = ?, laureats_qpv = ?, laureats_numerique_qpv = ?, engage = ? where id = 1
                    """).param(p.quotas().get(Categorie.HORS_GRANDS_CENTRES)).param(p.quotas().get(Categorie.QPV))
                    .param(p.quotas().get(Categorie.NUMERIQUE_QPV)).param(p.laureats().get(Categorie.HORS_GRANDS_CENTRES))
                    .param(p.laureats().get(Categorie.QPV)).param(p.laureats().get(Categorie.NUMERIQUE_QPV)).param(p.engage()).update();
        }
    }

    private static Integer n(Map<Critere, Integer> m, Critere c) {
        return m == null ? null : m.get(c);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
