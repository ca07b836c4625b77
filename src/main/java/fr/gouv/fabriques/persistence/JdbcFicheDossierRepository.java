package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.FicheDossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.Versement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The dossier sheet's rows: the dossier with its instruction and convention, then the nine lists, each
 * by an indexed key, all sent together in one round trip; in one repeatable-read transaction so that
 * the lists agree with each other (set by the first statement of that same round trip).
 */
@Repository
class JdbcFicheDossierRepository implements FicheDossierRepository {

    /** The instruction's columns do not clash with the dossier's; the convention's are prefixed. */
    private static final String DOSSIER = """
            select d.*, i.dossier_id as i_dossier_id, i.complet, i.pieces_manquantes, i.completude_par, i.completude_le,
              i.avis_territorial, i.avis_commentaire, i.avis_absent, i.avis_par, i.avis_le,
              i.proposition, i.proposition_motif, i.montant_propose_1, i.montant_propose_2, i.montant_propose_3,
              i.instruit_par, i.instruit_le, i.motifs_irrecevabilite, i.score_total,
              i.note_gouvernance, i.note_partenariats, i.note_besoin_local, i.note_offre_services, i.note_modele_economique, i.note_emploi,
              i.poids_gouvernance, i.poids_partenariats, i.poids_besoin_local, i.poids_offre_services, i.poids_modele_economique,
              i.poids_emploi,
              c.dossier_id as c_dossier_id, c.montant_1 as c_montant_1, c.montant_2 as c_montant_2, c.montant_3 as c_montant_3,
              c.supplement_numerique as c_supplement_numerique, c.generee_le as c_generee_le, c.signee_porteur_le as c_signee_porteur_le,
              c.signee_etat_le as c_signee_etat_le, c.signataire_etat as c_signataire_etat, c.statut as c_statut,
              c.decalage_mois as c_decalage_mois
            from dossier d
            left join instruction i on i.dossier_id = d.id
            left join convention c on c.dossier_id = d.id
            where d.numero = ?
            """;
    /** Column suffix of each criterion's score and weight (note_…, poids_…). */
    private static final Map<Critere, String> COLONNES_CRITERES = colonnesCriteres();

    private final JdbcTemplate jdbcTemplate;

    JdbcFicheDossierRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    private record Tete(Dossier dossier, Instruction instruction, Convention convention, int decalageMois) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Donnees> lire(String numero) {
        // The dossier and its nine lists in one round trip: the statements sent together (each list finds the dossier by its
        // number), their results read in order (issue 13: ten round trips each time a form opened, then two). A transaction begun
        // here is made repeatable-read by its first statement, in that same round trip: the driver would otherwise send a SET
        // SESSION before the transaction and another after it. Within a caller's transaction, its isolation holds, as before.
        boolean nouvelle = TransactionAspectSupport.currentTransactionStatus().isNewTransaction();
        record Lu(Tete tete, List<List<?>> listes) {
        }
        Lu lu = jdbcTemplate.execute((Connection c) -> c.prepareStatement(nouvelle ? REPETABLE + ENSEMBLE : ENSEMBLE),
                (PreparedStatement ordres) -> {
            for (int k = 1; k <= LISTES.size() + 1; k++) {
                ordres.setString(k, numero);
            }
            boolean resultat = ordres.execute();
            if (nouvelle) {
                resultat = ordres.getMoreResults();
            }
            if (!resultat) {
                throw new IllegalStateException("Fiche du dossier : résultat manquant pour le dossier");
            }
            Tete tete = null;
            try (ResultSet rs = ordres.getResultSet()) {
                if (rs.next()) {
                    tete = new Tete(JdbcDossierRepository.lire(rs, 0), instruction(rs), convention(rs),
                            rs.getObject("c_dossier_id") == null ? 0 : rs.getInt("c_decalage_mois"));
                }
            }
            List<List<?>> lues = new ArrayList<>();
            for (Liste<?> liste : LISTES) {
                if (!ordres.getMoreResults()) {
                    throw new IllegalStateException("Fiche du dossier : résultat manquant pour « " + liste.sql() + " »");
                }
                try (ResultSet rs = ordres.getResultSet()) {
                    List<Object> lignes = new ArrayList<>();
                    for (int i = 0; rs.next(); i++) {
                        lignes.add(liste.lecteur().mapRow(rs, i));
                    }
                    lues.add(lignes);
                }
            }
            return new Lu(tete, lues);
        });
        if (lu == null || lu.tete() == null) {
            return Optional.empty();
        }
        Tete tete = lu.tete();
        List<List<?>> listes = lu.listes();
        int k = 0;
        List<Validation> validations = liste(listes, k++);
        List<Decision> decisions = liste(listes, k++);
        List<Bilan> bilans = liste(listes, k++);
        List<Reversement> reversements = liste(listes, k++);
        List<Journal.Evenement> journal = liste(listes, k++);
        List<Piece> pieces = liste(listes, k++);
        List<DocumentConvention> documents = liste(listes, k++);
        List<Versement> versements = liste(listes, k++);
        List<Avenant> avenants = liste(listes, k);
        return Optional.of(new Donnees(tete.dossier(), tete.instruction(), validations, pieces, decisions, tete.convention(),
                documents, versements, bilans, reversements, journal, avenants, tete.decalageMois()));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> liste(List<List<?>> listes, int rang) {
        return (List<T>) listes.get(rang);
    }

    /** A list of the sheet: its statement (one parameter, the dossier's id) and how a row reads. */
    private record Liste<T>(String sql, RowMapper<T> lecteur) {
    }

    /** In the order read above. */
    private static final List<Liste<?>> LISTES = List.of(
            new Liste<>("select * from validation_proposition where dossier_id = ? order by le, id",
                    (rs, i) -> new Validation(rs.getBoolean("validee"), rs.getString("commentaire"), rs.getString("par"),
                            instant(rs.getTimestamp("le")))),
            new Liste<>("select * from decision_comite where dossier_id = ? order by decide_le, id",
                    (rs, i) -> new Decision(JdbcDecisionComiteRepository.lire(rs, i), "PUBLIEE".equals(rs.getString("etat")),
                            rs.getString("publiee_par"), instant(rs.getTimestamp("publiee_le")))),
            new Liste<>("select * from bilan where dossier_id = ? order by annee",
                    (rs, i) -> new Bilan(rs.getInt("annee"), instant(rs.getTimestamp("depose_le")), rs.getString("commentaire"),
                            rs.getString("decision") == null ? null : DecisionBilan.valueOf(rs.getString("decision")),
                            rs.getString("decision_motif"), rs.getString("decide_par"), instant(rs.getTimestamp("decide_le")))),
            new Liste<>("select * from reversement where dossier_id = ? order by decide_le, id",
                    (rs, i) -> new Reversement(rs.getInt("montant"), rs.getString("motif"), rs.getString("decide_par"),
                            instant(rs.getTimestamp("decide_le")))),
            new Liste<>("select * from evenement_dossier where dossier_id = ? order by survenu_le, id",
                    (rs, i) -> new Journal.Evenement(TypeEvenement.valueOf(rs.getString("type")), rs.getString("libelle"),
                            rs.getBoolean("visible_porteur"), rs.getString("acteur"), instant(rs.getTimestamp("survenu_le")))),
            new Liste<>(JdbcPieceRepository.META + "where dossier_id = ? order by depose_le, id", JdbcPieceRepository::piece),
            new Liste<>("select " + JdbcDocumentConventionRepository.DESCRIPTION + " from document_convention where dossier_id = ? "
                    + "order by cree_le, id", JdbcDocumentConventionRepository::lire),
            new Liste<>("select * from versement where dossier_id = ? order by annee", JdbcVersementRepository::lire),
            new Liste<>("select " + JdbcAvenantRepository.COLONNES + " from avenant where dossier_id = ? order by numero",
                    JdbcAvenantRepository::lire));

    /** Before any other statement of the transaction: the lists agree with each other and with the dossier. */
    private static final String REPETABLE = "set transaction isolation level repeatable read;\n";

    /** The dossier, then each list with the dossier found by its number (a unique index): one parameter each, the number. */
    private static final String ENSEMBLE = DOSSIER.strip() + ";\n" + String.join(";\n", LISTES.stream()
            .map(l -> l.sql().replace("dossier_id = ?", "dossier_id = (select id from dossier where numero = ?)")).toList());

    private static Instruction instruction(ResultSet rs) throws SQLException {
        if (rs.getObject("i_dossier_id") == null) {
            return null;
        }
        Map<Critere, Integer> notes = new EnumMap<>(Critere.class);
        Map<Critere, Integer> poids = new EnumMap<>(Critere.class);
        for (Map.Entry<Critere, String> c : COLONNES_CRITERES.entrySet()) {
            Integer note = entier(rs, "note_" + c.getValue());
            Integer p = entier(rs, "poids_" + c.getValue());
            if (note != null) {
                notes.put(c.getKey(), note);
            }
            if (p != null) {
                poids.put(c.getKey(), p);
            }
        }
        if (poids.size() != COLONNES_CRITERES.size()) {
            poids.clear();
        }
        Integer propose1 = entier(rs, "montant_propose_1");
        return new Instruction((Boolean) rs.getObject("complet"), rs.getString("pieces_manquantes"), rs.getString("completude_par"),
                instant(rs.getTimestamp("completude_le")),
                avis(rs.getString("avis_territorial")), rs.getString("avis_commentaire"), rs.getBoolean("avis_absent"),
                rs.getString("avis_par"), instant(rs.getTimestamp("avis_le")),
                avis(rs.getString("proposition")), rs.getBigDecimal("score_total"), notes, poids,
                propose1 == null ? null : new MontantsAnnuels(propose1, rs.getInt("montant_propose_2"), rs.getInt("montant_propose_3")),
                rs.getString("proposition_motif"), rs.getString("instruit_par"), instant(rs.getTimestamp("instruit_le")),
                rs.getString("motifs_irrecevabilite"));
    }

    private static Convention convention(ResultSet rs) throws SQLException {
        if (rs.getObject("c_dossier_id") == null) {
            return null;
        }
        return new Convention(rs.getLong("c_dossier_id"),
                new MontantsAnnuels(rs.getInt("c_montant_1"), rs.getInt("c_montant_2"), rs.getInt("c_montant_3")),
                rs.getInt("c_supplement_numerique"), instant(rs.getTimestamp("c_generee_le")),
                instant(rs.getTimestamp("c_signee_porteur_le")), instant(rs.getTimestamp("c_signee_etat_le")),
                rs.getString("c_signataire_etat"), StatutConvention.valueOf(rs.getString("c_statut")));
    }

    private static Map<Critere, String> colonnesCriteres() {
        Map<Critere, String> m = new EnumMap<>(Critere.class);
        m.put(Critere.GOUVERNANCE, "gouvernance");
        m.put(Critere.PARTENARIATS, "partenariats");
        m.put(Critere.BESOIN_LOCAL, "besoin_local");
        m.put(Critere.OFFRE_SERVICES, "offre_services");
        m.put(Critere.MODELE_ECONOMIQUE, "modele_economique");
        m.put(Critere.EMPLOI, "emploi");
        return m;
    }

    private static Integer entier(ResultSet rs, String colonne) throws SQLException {
        int v = rs.getInt(colonne);
        return rs.wasNull() ? null : v;
    }

    private static Avis avis(String valeur) {
        return valeur == null ? null : Avis.valueOf(valeur);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
