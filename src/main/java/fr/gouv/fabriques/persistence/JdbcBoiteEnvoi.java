package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.MemoireTransaction;
import fr.gouv.fabriques.application.port.BoiteEnvoi;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code notification} (V20). A mail is put in the box in the caller's transaction
 * (the step's); the sender's statements run each in a transaction of their own, whatever
 * the caller: the claim commits before any mail leaves, and no transaction stays open while
 * the SMTP server is talked to.
 */
@Repository
class JdbcBoiteEnvoi implements BoiteEnvoi {

    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate lots;

    JdbcBoiteEnvoi(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    @Override
    public void deposerTous(List<CourrielADeposer> courriels) {
        if (courriels.isEmpty()) {
            return;
        }
        lots.batchUpdate("""
                insert into notification (dossier_id, evenement_id, type, destinataire, sujet, corps, message_id, cree_le,
                                          etat, tentatives, prochaine_tentative)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'A_ENVOYER', 0, ?)
                """, courriels, courriels.size(), (ps, c) -> {
            ps.setLong(1, c.dossierId());
            ps.setLong(2, c.evenementId());
            ps.setString(3, c.type().name());
            ps.setString(4, c.destinataire());
            ps.setString(5, sujet(c));
            ps.setString(6, c.corps());
            ps.setString(7, c.messageId());
            ps.setTimestamp(8, Timestamp.from(c.creeLe()));
            ps.setTimestamp(9, Timestamp.from(c.creeLe()));
        });
    }

    private static String sujet(CourrielADeposer c) {
        return c.sujet().length() > 300 ? c.sujet().substring(0, 299) + "…" : c.sujet();
    }

    /**
     * The mails of the current transaction, written together just before it commits: one round trip for all of them (a
     * deposit writes two: its acknowledgement and the eligibility's; issue 13). A mail put in the box after that (by another
     * step of the commit) is written at once.
     */
    private static final Object EN_ATTENTE = MemoireTransaction.cle("courriels à déposer à la validation");

    /** The mails waiting for the commit; {@code ecrits} once they are written. */
    private static final class EnAttente {
        final List<CourrielADeposer> courriels = new java.util.ArrayList<>();
        boolean ecrits;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deposer(CourrielADeposer c) {
        EnAttente attente = MemoireTransaction.objet(EN_ATTENTE, EnAttente::new, a -> {
            a.ecrits = true;
            deposerTous(a.courriels);
        });
        if (attente == null || attente.ecrits) {
            deposerTous(List.of(c));
        } else {
            attente.courriels.add(c);
        }
    }

    /**
     * FOR UPDATE SKIP LOCKED: two senders claiming at the same moment get different rows,
     * and neither waits for the other.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<CourrielReserve> reserver(int nombre, Instant maintenant, Instant bailJusqua) {
        return jdbc.sql("""
                with reserves as (
                    update notification
                       set etat = 'EN_COURS', tentatives = tentatives + 1, prochaine_tentative = :bail
                     where id in (select id from notification
                                   where etat in ('A_ENVOYER', 'EN_COURS') and prochaine_tentative <= :maintenant
                                   order by prochaine_tentative, id
                                   limit :nombre
                                   for update skip locked)
                    returning id, dossier_id, destinataire, sujet, corps, message_id, cree_le, tentatives)
                select r.*, d.numero from reserves r join dossier d on d.id = r.dossier_id
                """).param("bail", Timestamp.from(bailJusqua)).param("maintenant", Timestamp.from(maintenant)).param("nombre", nombre)
                .query((rs, i) -> new CourrielReserve(rs.getLong("id"), rs.getString("numero"), rs.getString("destinataire"),
                        rs.getString("sujet"), rs.getString("corps"), rs.getString("message_id"), rs.getTimestamp("cree_le").toInstant(),
                        rs.getInt("tentatives")))
                .list().stream().sorted(Comparator.comparingLong(CourrielReserve::id)).toList();
    }

    /** Whoever holds the claim: the server accepted the mail, that is a fact worth keeping. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void marquerEnvoye(long id, Instant quand) {
        jdbc.sql("""
                update notification set etat = 'ENVOYE', envoye_le = ?, prochaine_tentative = null, derniere_erreur = null
                 where id = ? and etat <> 'ENVOYE'
                """).param(Timestamp.from(quand)).param(id).update();
    }

    /** Fenced by the attempt number: a sender whose lease ran out must not undo a later sender's work. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reporter(long id, int tentative, Instant prochaineTentative, String erreur) {
        jdbc.sql("""
                update notification set etat = 'A_ENVOYER', prochaine_tentative = ?, derniere_erreur = ?
                 where id = ? and etat = 'EN_COURS' and tentatives = ?
                """).param(Timestamp.from(prochaineTentative)).param(tronquer(erreur)).param(id).param(tentative).update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void abandonner(long id, int tentative, String erreur) {
        jdbc.sql("""
                update notification set etat = 'ECHEC', prochaine_tentative = null, derniere_erreur = ?
                 where id = ? and etat = 'EN_COURS' and tentatives = ?
                """).param(tronquer(erreur)).param(id).param(tentative).update();
    }

    private static String tronquer(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
