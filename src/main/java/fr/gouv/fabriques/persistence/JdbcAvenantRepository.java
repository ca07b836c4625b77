package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.EtatAvenant;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAvenantRepository implements AvenantRepository {

    /** Every column but the PDFs' bytes. */
    static final String COLONNES = """
            id, dossier_id, numero, etat, motif, montant_1_avant, montant_2_avant, montant_3_avant, montant_1, montant_2, montant_3,
            decalage_mois, siret_avant, siret, propose_par, propose_le, valide_par, valide_le, rejete_par, rejete_le, motif_rejet,
            etabli_le, pdf_sha256, signataire_porteur, signe_porteur_le, signe_sha256, signe_etat_par, signe_etat_le, applique_le,
            engagement_delta, caduc_le
            """;

    private final JdbcClient jdbc;

    JdbcAvenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Avenant ajouter(Avenant a) {
        MontantsAnnuels m = a.montants();
        long id = jdbc.sql("""
                insert into avenant (dossier_id, numero, etat, motif, montant_1_avant, montant_2_avant, montant_3_avant,
                  montant_1, montant_2, montant_3, decalage_mois, siret_avant, siret, propose_par, propose_le)
                values (?, (select coalesce(max(numero), 0) + 1 from avenant where dossier_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """).param(a.dossierId()).param(a.dossierId()).param(a.etat().name()).param(a.motif())
                .param(a.montantsAvant().annee1()).param(a.montantsAvant().annee2()).param(a.montantsAvant().annee3())
                .param(m == null ? null : m.annee1()).param(m == null ? null : m.annee2()).param(m == null ? null : m.annee3())
                .param(a.decalageMois()).param(a.siretAvant()).param(a.siret()).param(a.proposePar()).param(Timestamp.from(a.proposeLe()))
                .query(Long.class).single();
        return jdbc.sql("select " + COLONNES + " from avenant where id = ?").param(id).query(JdbcAvenantRepository::lire).single();
    }

    @Override
    public void mettreAJour(Avenant a) {
        jdbc.sql("""
                update avenant set etat = ?, valide_par = ?, valide_le = ?, rejete_par = ?, rejete_le = ?, motif_rejet = ?, etabli_le = ?,
                  pdf_sha256 = ?, signataire_porteur = ?, signe_porteur_le = ?, signe_sha256 = ?, signe_etat_par = ?, signe_etat_le = ?,
                  applique_le = ?, engagement_delta = ?, caduc_le = ?
                where id = ?
                """).param(a.etat().name()).param(a.validePar()).param(ts(a.valideLe())).param(a.rejetePar()).param(ts(a.rejeteLe()))
                .param(a.motifRejet()).param(ts(a.etabliLe())).param(a.pdfSha256()).param(a.signatairePorteur()).param(ts(a.signePorteurLe()))
                .param(a.signeSha256()).param(a.signeEtatPar()).param(ts(a.signeEtatLe())).param(ts(a.appliqueLe()))
                .param(a.engagementDelta()).param(ts(a.caducLe())).param(a.id()).update();
    }

    @Override
    public Optional<Avenant> enCours(long dossierId) {
        return jdbc.sql("select " + COLONNES + " from avenant where dossier_id = ? and etat in ('PROPOSE', 'A_SIGNER', 'SIGNE_PORTEUR')")
                .param(dossierId).query(JdbcAvenantRepository::lire).optional();
    }

    @Override
    public Optional<Avenant> parNumero(long dossierId, int numero) {
        return jdbc.sql("select " + COLONNES + " from avenant where dossier_id = ? and numero = ?").param(dossierId).param(numero)
                .query(JdbcAvenantRepository::lire).optional();
    }

    @Override
    public List<Avenant> duDossier(long dossierId) {
        return jdbc.sql("select " + COLONNES + " from avenant where dossier_id = ? order by numero").param(dossierId)
                .query(JdbcAvenantRepository::lire).list();
    }

    @Override
    public void enregistrerPdf(long avenantId, byte[] pdf) {
        jdbc.sql("update avenant set pdf = ?, pdf_sha256 = ? where id = ?").param(pdf).param(FichierConvention.sha256(pdf)).param(avenantId)
                .update();
    }

    @Override
    public void enregistrerPdfSigne(long avenantId, byte[] pdf, String nomOriginal) {
        jdbc.sql("update avenant set signe_pdf = ?, signe_sha256 = ?, signe_nom_original = ? where id = ?").param(pdf)
                .param(FichierConvention.sha256(pdf)).param(nomOriginal).param(avenantId).update();
    }

    @Override
    public Optional<byte[]> pdf(long avenantId) {
        return jdbc.sql("select pdf from avenant where id = ? and pdf is not null").param(avenantId).query(byte[].class).optional();
    }

    @Override
    public Optional<byte[]> pdfSigne(long avenantId) {
        return jdbc.sql("select signe_pdf from avenant where id = ? and signe_pdf is not null").param(avenantId).query(byte[].class).optional();
    }

    @Override
    public long engagementDelta(long dossierId) {
        return jdbc.sql("select coalesce(sum(engagement_delta), 0) from avenant where dossier_id = ? and etat = 'APPLIQUE'")
                .param(dossierId).query(Long.class).single();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }

    private static Integer entier(ResultSet rs, String colonne) throws SQLException {
        int v = rs.getInt(colonne);
        return rs.wasNull() ? null : v;
    }

    static Avenant lire(ResultSet rs, int i) throws SQLException {
        Integer m1 = entier(rs, "montant_1");
        MontantsAnnuels montants = m1 == null ? null : new MontantsAnnuels(m1, rs.getInt("montant_2"), rs.getInt("montant_3"));
        return new Avenant(rs.getLong("id"), rs.getLong("dossier_id"), rs.getInt("numero"), EtatAvenant.valueOf(rs.getString("etat")),
                rs.getString("motif"),
                new MontantsAnnuels(rs.getInt("montant_1_avant"), rs.getInt("montant_2_avant"), rs.getInt("montant_3_avant")), montants,
                entier(rs, "decalage_mois"), rs.getString("siret_avant"), rs.getString("siret"), rs.getString("propose_par"),
                instant(rs, "propose_le"), rs.getString("valide_par"), instant(rs, "valide_le"), rs.getString("rejete_par"),
                instant(rs, "rejete_le"), rs.getString("motif_rejet"), instant(rs, "etabli_le"), rs.getString("pdf_sha256"),
                rs.getString("signataire_porteur"), instant(rs, "signe_porteur_le"), rs.getString("signe_sha256"),
                rs.getString("signe_etat_par"), instant(rs, "signe_etat_le"), instant(rs, "applique_le"), rs.getLong("engagement_delta"),
                instant(rs, "caduc_le"));
    }
}
