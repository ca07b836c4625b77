package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.MemoireTransaction;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Contact;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Structure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcDossierRepository implements DossierRepository {

    private static final String COLONNES_SELECT = "select * from dossier ";
    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate lots;

    JdbcDossierRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    @Override
    public void mettreAJourTous(java.util.List<Dossier> dossiers) {
        if (dossiers.isEmpty()) {
            return;
        }
        dossiers.forEach(d -> oublierInsere(d.id()));
        int[][] n = lots.batchUpdate("update dossier set statut = ?, vague = ?, modifie_le = ?, version = version + 1 where id = ? and version = ?",
                dossiers, dossiers.size(), (ps, d) -> {
                    ps.setString(1, d.statut().name());
                    ps.setString(2, d.vague());
                    ps.setTimestamp(3, Timestamp.from(d.modifieLe()));
                    ps.setLong(4, d.id());
                    ps.setInt(5, d.version());
                });
        for (int i = 0; i < dossiers.size(); i++) {
            if (n[0][i] != 1) {
                throw new OptimisticLockingFailureException("Le dossier " + dossiers.get(i).numero()
                        + " a été modifié en même temps par une autre action ; recommencez.");
            }
        }
    }

    @Override
    public Dossier ajouter(Dossier d, String jetonHash) {
        Structure s = d.structure();
        Adresse a = s.adresse();
        Dossier ajoute = jdbc.sql("""
                insert into dossier (numero, appel, vague, categorie, raison_sociale, siret, forme_juridique,
                  adresse_ligne, code_postal, commune, code_insee, departement, region, code_qpv,
                  contact_nom, contact_email, contact_telephone,
                  projet_nom, projet_description, projet_services, projet_partenaires, projet_gouvernance, projet_etp_finances,
                  montant_demande_1, montant_demande_2, montant_demande_3, statut, jeton_hash, depose_le, modifie_le, version)
                values (:numero, :appel, :vague, :categorie, :raisonSociale, :siret, :formeJuridique,
                  :ligne, :codePostal, :commune, :codeInsee, :departement, :region, :codeQpv,
                  :contactNom, :contactEmail, :contactTelephone,
                  :projetNom, :projetDescription, :projetServices, :partenaires, :gouvernance, :etp,
                  :m1, :m2, :m3, :statut, :jetonHash, :deposeLe, :modifieLe, 0)
                returning *
                """)
                .param("numero", d.numero())
                .param("appel", d.appel().name())
                .param("vague", d.vague())
                .param("categorie", d.categorie().name())
                .param("raisonSociale", s.raisonSociale())
                .param("siret", s.siret().valeur())
                .param("formeJuridique", s.formeJuridique().name())
                .param("ligne", a.ligne())
                .param("codePostal", a.codePostal())
                .param("commune", a.commune())
                .param("codeInsee", a.codeInsee())
                .param("departement", a.departement())
                .param("region", a.region())
                .param("codeQpv", s.codeQpv())
                .param("contactNom", d.contact().nom())
                .param("contactEmail", d.contact().email())
                .param("contactTelephone", d.contact().telephone())
                .param("projetNom", d.projet().nom())
                .param("projetDescription", d.projet().description())
                .param("projetServices", String.join(",", d.projet().services()))
                .param("partenaires", d.projet().partenaires())
                .param("gouvernance", d.projet().gouvernance())
                .param("etp", d.projet().etpFinances())
                .param("m1", d.montantsDemandes().annee1())
                .param("m2", d.montantsDemandes().annee2())
                .param("m3", d.montantsDemandes().annee3())
                .param("statut", d.statut().name())
                .param("jetonHash", jetonHash)
                .param("deposeLe", Timestamp.from(d.deposeLe()))
                .param("modifieLe", Timestamp.from(d.modifieLe()))
                // The row as stored, in the insert's own round trip (issue 13: it was read again by its id); a second copy of it
                // for the first read by number in this transaction (the eligibility step of the process the deposit starts).
                .query((rs, ligne) -> {
                    retenirInsere(lire(rs, ligne));
                    return lire(rs, ligne);
                }).single();
        // A dossier just inserted has no démarches-simplifiées link until this transaction writes one (JdbcDsRepository#lier).
        JdbcDsRepository.sansLienPourLInstant(ajoute.id());
        return ajoute;
    }

    @Override
    public Optional<Dossier> parId(long id) {
        return jdbc.sql(COLONNES_SELECT + "where id = ?").param(id).query(JdbcDossierRepository::lire).optional();
    }

    @Override
    public java.util.List<Dossier> parIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql(COLONNES_SELECT + "where id = any(?)").param(ids.toArray(Long[]::new)).query(JdbcDossierRepository::lire).list();
    }

    /**
     * The dossiers this transaction inserted, by number, as stored and not yet changed: the first read by number takes its
     * own copy instead of the row again (issue 13: a round trip of each deposit). Any change of the row drops it
     * ({@link #oublierInsere}).
     */
    private static final Object INSERES = MemoireTransaction.cle("dossiers insérés dans la transaction, pas encore relus");

    private static void retenirInsere(Dossier copie) {
        Map<String, Dossier> inseres = MemoireTransaction.carte(INSERES);
        if (inseres != null) {
            inseres.put(copie.numero(), copie);
        }
    }

    /** This dossier's row changes in this transaction: its copy as inserted is no longer what a read would give. */
    static void oublierInsere(long dossierId) {
        Map<String, Dossier> inseres = MemoireTransaction.carteExistante(INSERES);
        if (inseres != null) {
            inseres.values().removeIf(d -> d.id() == dossierId);
        }
    }

    @Override
    public Optional<Dossier> parNumero(String numero) {
        Map<String, Dossier> inseres = MemoireTransaction.carteExistante(INSERES);
        Dossier insere = inseres == null ? null : inseres.remove(numero);
        if (insere != null) {
            return Optional.of(insere);
        }
        return jdbc.sql(COLONNES_SELECT + "where numero = ?").param(numero).query(JdbcDossierRepository::lire).optional();
    }

    @Override
    public Optional<Dossier> parNumeroEtJeton(String numero, String jetonHash) {
        return jdbc.sql(COLONNES_SELECT + "where numero = ? and jeton_hash = ?").param(numero).param(jetonHash)
                .query(JdbcDossierRepository::lire).optional();
    }

    @Override
    public void changerSiret(long dossierId, String siret, Instant le) {
        oublierInsere(dossierId);
        jdbc.sql("update dossier set siret = ?, modifie_le = ?, version = version + 1 where id = ?")
                .param(siret).param(Timestamp.from(le)).param(dossierId).update();
    }

    @Override
    public void mettreAJour(Dossier d) {
        oublierInsere(d.id());
        int n = jdbc.sql("""
                update dossier set statut = :statut, vague = :vague, modifie_le = :modifieLe, version = version + 1
                where id = :id and version = :version
                """)
                .param("statut", d.statut().name())
                .param("vague", d.vague())
                .param("modifieLe", Timestamp.from(d.modifieLe()))
                .param("id", d.id())
                .param("version", d.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("Le dossier " + d.numero()
                    + " a été modifié en même temps par une autre action ; recommencez.");
        }
    }

    @Override
    public boolean existeDossierOuvertPourSiret(String siret) {
        List<String> statuts = jdbc.sql("select statut from dossier where siret = ?").param(siret).query(String.class).list();
        return statuts.stream().map(StatutDossier::valueOf).anyMatch(s -> !s.estFinal());
    }

    /** Keeps this lock's keys apart from the other advisory locks of the application ({@link VerrouDemarrageConsultatif}). */
    private static final int ESPACE_SIREN = 0x46445352; // "FDSR"

    @Override
    public void verrouillerSiren(String siren) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Le verrou du SIREN " + siren + " se prend dans une transaction");
        }
        // Nine digits always fit in an int: one key per SIREN, no hash collision.
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").param(ESPACE_SIREN).param(Integer.parseInt(siren)).query().singleRow();
    }

    @Override
    public List<DossierDeStructure> dossiersDuSiren(String siren) {
        return jdbc.sql("select siret, statut from dossier where substr(siret, 1, 9) = ?").param(siren)
                .query((rs, i) -> new DossierDeStructure(rs.getString("siret"), StatutDossier.valueOf(rs.getString("statut")))).list();
    }

    @Override
    public List<Dossier> parVagueEtStatuts(String vague, java.util.Set<StatutDossier> statuts) {
        if (statuts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLONNES_SELECT + "where vague = :vague and statut in (:statuts) order by numero")
                .param("vague", vague).param("statuts", statuts.stream().map(Enum::name).toList()).query(JdbcDossierRepository::lire).list();
    }

    /** Also read by {@link JdbcFicheDossierRepository}. */
    static Dossier lire(ResultSet rs, int ligne) throws SQLException {
        Adresse adresse = new Adresse(rs.getString("adresse_ligne"), rs.getString("code_postal"), rs.getString("commune"),
                rs.getString("code_insee"), rs.getString("departement"), rs.getString("region"));
        Structure structure = new Structure(rs.getString("raison_sociale"), new Siret(rs.getString("siret")),
                FormeJuridique.valueOf(rs.getString("forme_juridique")), adresse, rs.getString("code_qpv"));
        String services = rs.getString("projet_services");
        Projet projet = new Projet(rs.getString("projet_nom"), rs.getString("projet_description"),
                services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(",")),
                rs.getString("projet_partenaires"), rs.getString("projet_gouvernance"), rs.getBigDecimal("projet_etp_finances"));
        return new Dossier(rs.getLong("id"), rs.getString("numero"), Appel.valueOf(rs.getString("appel")),
                rs.getString("vague"), Categorie.valueOf(rs.getString("categorie")), structure,
                new Contact(rs.getString("contact_nom"), rs.getString("contact_email"), rs.getString("contact_telephone")),
                projet,
                new MontantsAnnuels(rs.getInt("montant_demande_1"), rs.getInt("montant_demande_2"), rs.getInt("montant_demande_3")),
                StatutDossier.valueOf(rs.getString("statut")), rs.getTimestamp("depose_le").toInstant(),
                rs.getTimestamp("modifie_le").toInstant(), rs.getInt("version"));
    }
}
