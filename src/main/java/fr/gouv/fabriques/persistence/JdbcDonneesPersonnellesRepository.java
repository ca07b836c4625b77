package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.DonneesPersonnellesRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDonneesPersonnellesRepository implements DonneesPersonnellesRepository {

    static final String ANONYME = "Données anonymisées";
    static final String COURRIEL_ANONYME = "anonymise@invalid";

    private final JdbcClient jdbc;

    JdbcDonneesPersonnellesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> aAnonymiser(Collection<String> statuts, Instant avant, int limite) {
        return jdbc.sql("""
                select id from dossier where statut in (:statuts) and modifie_le < :avant and anonymise_le is null
                order by modifie_le limit :limite
                """).param("statuts", statuts).param("avant", Timestamp.from(avant)).param("limite", limite).query(Long.class).list();
    }

    @Override
    public boolean anonymiser(long dossierId, boolean pieces, Instant le) {
        JdbcDossierRepository.oublierInsere(dossierId);
        // The conditional update makes a replay (or a second node) a no-op.
        int n = jdbc.sql("""
                update dossier set contact_nom = :anonyme, contact_email = :courriel, contact_telephone = '0000000000', anonymise_le = :le
                where id = :id and anonymise_le is null
                """).param("anonyme", ANONYME).param("courriel", COURRIEL_ANONYME).param("le", Timestamp.from(le)).param("id", dossierId)
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("update notification set destinataire = :courriel, corps = :anonyme where dossier_id = :id")
                .param("courriel", COURRIEL_ANONYME).param("anonyme", ANONYME).param("id", dossierId).update();
        if (pieces) {
            jdbc.sql("delete from piece where dossier_id = ?").param(dossierId).update();
        }
        return true;
    }

    @Override
    public List<String> numerosParSiret(String siret) {
        return jdbc.sql("select numero from dossier where siret = ? order by depose_le, id").param(siret).query(String.class).list();
    }

    @Override
    public List<Courriel> courriels(String numero) {
        return jdbc.sql("""
                select n.type, n.destinataire, n.sujet, n.corps, n.cree_le, n.etat, n.envoye_le
                from notification n join dossier d on d.id = n.dossier_id where d.numero = ? order by n.cree_le, n.id
                """).param(numero).query((rs, i) -> new Courriel(rs.getString("type"), rs.getString("destinataire"), rs.getString("sujet"),
                rs.getString("corps"), rs.getTimestamp("cree_le").toInstant(), rs.getString("etat"),
                rs.getTimestamp("envoye_le") == null ? null : rs.getTimestamp("envoye_le").toInstant())).list();
    }
}
