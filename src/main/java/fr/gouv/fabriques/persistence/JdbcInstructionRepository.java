package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Notation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInstructionRepository implements InstructionRepository {

    private final JdbcClient jdbc;

    JdbcInstructionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private void assurerLigne(long dossierId) {
        jdbc.sql("insert into instruction (dossier_id) values (?) on conflict (dossier_id) do nothing").param(dossierId).update();
    }

    @Override
    public void enregistrerEligibilite(long dossierId, RegleEligibilite.Evaluation e) {
        // One round trip: the row is created with the eligibility, or updated (issue 13).
        jdbc.sql("""
                insert into instruction (dossier_id, motifs_irrecevabilite, eligibilite_decision, eligibilite_version, eligibilite_entrees)
                values (?, ?, ?, ?, ?)
                on conflict (dossier_id) do update set motifs_irrecevabilite = excluded.motifs_irrecevabilite,
                       eligibilite_decision = excluded.eligibilite_decision, eligibilite_version = excluded.eligibilite_version,
                       eligibilite_entrees = excluded.eligibilite_entrees
                """).param(dossierId).param(e.eligible() ? null : e.texteMotifs()).param(e.decision().id()).param(e.decision().version())
                .param(e.entrees().isEmpty() ? null : EntreesJson.ecrire(e.entrees())).update();
    }

    @Override
    public void enregistrerCompletude(long dossierId, boolean complet, String pieces, String par, Instant le) {
        jdbc.sql("""
                insert into instruction (dossier_id, complet, pieces_manquantes, completude_par, completude_le) values (?, ?, ?, ?, ?)
                on conflict (dossier_id) do update set complet = excluded.complet, pieces_manquantes = excluded.pieces_manquantes,
                       completude_par = excluded.completude_par, completude_le = excluded.completude_le
                """).param(dossierId).param(complet).param(pieces).param(par).param(Timestamp.from(le)).update();
    }

    @Override
    public void enregistrerAvis(long dossierId, Avis avis, String commentaire, String par, Instant le) {
        jdbc.sql("""
                insert into instruction (dossier_id, avis_territorial, avis_commentaire, avis_absent, avis_par, avis_le)
                values (?, ?, ?, false, ?, ?)
                on conflict (dossier_id) do update set avis_territorial = excluded.avis_territorial,
                       avis_commentaire = excluded.avis_commentaire, avis_absent = false, avis_par = excluded.avis_par,
                       avis_le = excluded.avis_le
                """).param(dossierId).param(avis.name()).param(commentaire).param(par).param(Timestamp.from(le)).update();
    }

    @Override
    public void enregistrerAbsenceAvis(long dossierId, Instant le) {
        assurerLigne(dossierId);
        jdbc.sql("update instruction set avis_absent = true, avis_le = ? where dossier_id = ?")
                .param(Timestamp.from(le)).param(dossierId).update();
    }

    @Override
    public void enregistrerProposition(long dossierId, Notation n, Map<Critere, Integer> poids, BigDecimal score, Avis recommandation,
            MontantsAnnuels m, String motif, String par, Instant le, VersionsGrille grille) {
        assurerLigne(dossierId);
        jdbc.sql("""
                update instruction set proposition = ?, montant_propose_1 = ?, montant_propose_2 = ?, montant_propose_3 = ?,
                  proposition_motif = ?, instruit_par = ?, instruit_le = ?, validation = null, validee_par = null, validee_le = null,
                  note_gouvernance = ?, note_partenariats = ?, note_besoin_local = ?, note_offre_services = ?,
                  note_modele_economique = ?, note_emploi = ?, score_total = ?, absence_conflit_interets = true,
                  poids_gouvernance = ?, poids_partenariats = ?, poids_besoin_local = ?, poids_offre_services = ?,
                  poids_modele_economique = ?, poids_emploi = ?,
                  notation_poids_decision = ?, notation_poids_version = ?, notation_recommandation_decision = ?,
                  notation_recommandation_version = ?
                where dossier_id = ?
                """).param(recommandation.name()).param(m.annee1()).param(m.annee2()).param(m.annee3()).param(motif)
                .param(par).param(Timestamp.from(le))
                .param(n.note(Critere.GOUVERNANCE)).param(n.note(Critere.PARTENARIATS)).param(n.note(Critere.BESOIN_LOCAL))
                .param(n.note(Critere.OFFRE_SERVICES)).param(n.note(Critere.MODELE_ECONOMIQUE)).param(n.note(Critere.EMPLOI))
                .param(score)
                .param(poids.get(Critere.GOUVERNANCE)).param(poids.get(Critere.PARTENARIATS)).param(poids.get(Critere.BESOIN_LOCAL))
                .param(poids.get(Critere.OFFRE_SERVICES)).param(poids.get(Critere.MODELE_ECONOMIQUE)).param(poids.get(Critere.EMPLOI))
                .param(grille.poids().id()).param(grille.poids().version())
                .param(grille.recommandation().id()).param(grille.recommandation().version())
                .param(dossierId).update();
    }

    @Override
    public void enregistrerValidation(long dossierId, boolean validee, String commentaire, String par, Instant le) {
        jdbc.sql("""
                update instruction set validation = ?, validation_commentaire = ?, validee_par = ?, validee_le = ?
                where dossier_id = ?
                """).param(validee ? "VALIDEE" : "A_REVOIR").param(commentaire).param(par).param(Timestamp.from(le))
                .param(dossierId).update();
        jdbc.sql("insert into validation_proposition (dossier_id, validee, commentaire, par, le) values (?, ?, ?, ?, ?)")
                .param(dossierId).param(validee).param(commentaire).param(par).param(Timestamp.from(le)).update();
    }

    @Override
    public Optional<Proposition> proposition(long dossierId) {
        return jdbc.sql("select * from instruction where dossier_id = ? and proposition is not null").param(dossierId)
                .query((rs, i) -> new Proposition(Avis.valueOf(rs.getString("proposition")), rs.getBigDecimal("score_total"),
                        new MontantsAnnuels(rs.getInt("montant_propose_1"), rs.getInt("montant_propose_2"), rs.getInt("montant_propose_3")),
                        rs.getString("proposition_motif"), rs.getString("instruit_par"), rs.getTimestamp("instruit_le").toInstant()))
                .optional();
    }
}
