package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.StatutConvention;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConventionRepository implements ConventionRepository {

    private final JdbcClient jdbc;

    JdbcConventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ajouter(Convention c) {
        jdbc.sql("""
                insert into convention (dossier_id, montant_1, montant_2, montant_3, supplement_numerique, generee_le, statut)
                values (?, ?, ?, ?, ?, ?, ?)
                """).param(c.dossierId()).param(c.montants().annee1()).param(c.montants().annee2()).param(c.montants().annee3())
                .param(c.supplementNumerique()).param(Timestamp.from(c.genereeLe())).param(c.statut().name()).update();
    }

    @Override
    public Optional<Convention> parDossier(long dossierId) {
        return jdbc.sql("select * from convention where dossier_id = ?").param(dossierId).query(this::lire).optional();
    }

    @Override
    public void mettreAJour(Convention c) {
        jdbc.sql("""
                update convention set signee_porteur_le = ?, signee_etat_le = ?, signataire_etat = ?, statut = ?
                where dossier_id = ?
                """).param(ts(c.signeePorteurLe())).param(ts(c.signeeEtatLe())).param(c.signataireEtat())
                .param(c.statut().name()).param(c.dossierId()).update();
    }

    @Override
    public boolean marquerEngagementLibere(long dossierId) {
        return jdbc.sql("update convention set engagement_libere = true where dossier_id = ? and not engagement_libere")
                .param(dossierId).update() == 1;
    }

    @Override
    public int decalageMois(long dossierId) {
        return jdbc.sql("select decalage_mois from convention where dossier_id = ?").param(dossierId).query(Integer.class).optional().orElse(0);
    }

    @Override
    public void modifier(long dossierId, MontantsAnnuels m, int decalageMois) {
        jdbc.sql("update convention set montant_1 = ?, montant_2 = ?, montant_3 = ?, decalage_mois = ? where dossier_id = ?")
                .param(m.annee1()).param(m.annee2()).param(m.annee3()).param(decalageMois).param(dossierId).update();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Convention lire(ResultSet rs, int i) throws SQLException {
        return new Convention(rs.getLong("dossier_id"),
                new MontantsAnnuels(rs.getInt("montant_1"), rs.getInt("montant_2"), rs.getInt("montant_3")),
                rs.getInt("supplement_numerique"), instant(rs.getTimestamp("generee_le")),
                instant(rs.getTimestamp("signee_porteur_le")), instant(rs.getTimestamp("signee_etat_le")),
                rs.getString("signataire_etat"), StatutConvention.valueOf(rs.getString("statut")));
    }
}
