package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A wave of hundreds of instructed dossiers, fast: one dossier goes through deposit and
 * instruction the normal way, then the database clones it (distinct numbers, companies (SIREN) and
 * scores) and each clone's lifecycle process is started where an instructed dossier
 * waits for its committee. What the committee does next goes through the same doors as
 * for any wave. For {@link GrandeVagueIT}, the measure {@link MesureComite} and the benchmark's committee phase
 * ({@code banc/PhaseComite}, through {@link #cloner}).
 */
public final class GrandeVague {

    private final Parcours parcours;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;

    GrandeVague(Parcours parcours, RuntimeService runtime, JdbcClient jdbc) {
        this.parcours = parcours;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /**
     * A valid SIRET from a number: the head office of a company whose SIREN (Luhn) is made of the number's
     * last 7 digits after a 0 — distinct for up to ten million consecutive numbers, and never one of
     * {@link Depots#siren()} (no leading 0): « une Fabrique par structure » is judged on the SIREN.
     */
    public static String siret(long n) {
        String siren = Depots.avecCle(String.format("0%07d", Math.floorMod(n, 10_000_000L)));
        return Depots.avecCle(siren + "0001");
    }

    /** Fills the wave with {@code taille} instructed dossiers of the category (the model and its clones); returns their numbers. */
    List<String> remplir(String vague, int taille, String categorie) {
        String modele = parcours.deposer(vague, categorie);
        parcours.instruire(modele);
        long id = jdbc.sql("select id from dossier where numero = ?").param(modele).query(Long.class).single();
        String prefixe = modele.substring(0, modele.lastIndexOf('-') + 1) + "G" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase() + "-";
        cloner(jdbc, runtime, id, prefixe, taille - 1, vague);
        List<String> numeros = jdbc.sql("select numero from dossier where vague = ? and statut = 'INSTRUIT' order by numero").param(vague)
                .query(String.class).list();
        assertThat(numeros).hasSize(taille);
        return numeros;
    }

    /**
     * {@code combien} clones of the instructed dossier {@code modele} in {@code vague}, numbered {@code prefixe} and 5 digits, each with
     * its instruction (its own score), its own company (SIRET) and its lifecycle process started where an instructed dossier waits for its
     * committee. Returns their numbers, in order.
     */
    public static List<String> cloner(JdbcClient jdbc, RuntimeService runtime, long modele, String prefixe, int combien, String vague) {
        jdbc.sql("""
                insert into dossier (numero, appel, vague, categorie, raison_sociale, siret, forme_juridique, adresse_ligne, code_postal, commune,
                    code_insee, departement, region, code_qpv, contact_nom, contact_email, contact_telephone, projet_nom, projet_description,
                    projet_services, projet_partenaires, projet_gouvernance, projet_etp_finances, montant_demande_1, montant_demande_2,
                    montant_demande_3, statut, jeton_hash, depose_le, modifie_le)
                select ? || lpad(n::text, 5, '0'), appel, ?, categorie, raison_sociale || ' n° ' || n,
                    lpad((floor(random() * 1e13)::bigint * 10 + n % 10)::text, 14, '9'), forme_juridique, adresse_ligne, code_postal, commune,
                    code_insee, departement, region, code_qpv, contact_nom, contact_email, contact_telephone, projet_nom, projet_description,
                    projet_services, projet_partenaires, projet_gouvernance, projet_etp_finances, montant_demande_1, montant_demande_2,
                    montant_demande_3, 'INSTRUIT', jeton_hash, depose_le, modifie_le
                from dossier, generate_series(1, ?) n where id = ?
                """).param(prefixe).param(vague).param(combien).param(modele).update();
        jdbc.sql("""
                insert into instruction (dossier_id, complet, completude_par, completude_le, avis_territorial, avis_par, avis_le, proposition,
                    proposition_motif, montant_propose_1, montant_propose_2, montant_propose_3, instruit_par, instruit_le, validation,
                    validee_par, validee_le, note_gouvernance, note_partenariats, note_besoin_local, note_offre_services,
                    note_modele_economique, note_emploi, score_total, absence_conflit_interets)
                select c.id, i.complet, i.completude_par, i.completude_le, i.avis_territorial, i.avis_par, i.avis_le, i.proposition,
                    i.proposition_motif, i.montant_propose_1, i.montant_propose_2, i.montant_propose_3, i.instruit_par, i.instruit_le,
                    i.validation, i.validee_par, i.validee_le, i.note_gouvernance, i.note_partenariats, i.note_besoin_local,
                    i.note_offre_services, i.note_modele_economique, i.note_emploi, (c.id * 7 % 1000) / 10.0, i.absence_conflit_interets
                from instruction i, dossier c where i.dossier_id = ? and c.numero like ? || '%'
                """).param(modele).param(prefixe).update();
        List<Map<String, Object>> clones = jdbc.sql("select id, numero, raison_sociale, categorie, departement from dossier where numero like ? || '%' "
                + "order by numero").param(prefixe).query().listOfRows();
        long graine = System.nanoTime() % 1_000_000_000L;
        for (Map<String, Object> c : clones) {
            jdbc.sql("update dossier set siret = ? where id = ?").param(siret(graine++)).param(((Number) c.get("id")).longValue()).update();
        }
        List<String> numeros = new java.util.ArrayList<>();
        for (Map<String, Object> c : clones) {
            runtime.createProcessInstanceByKey("Process_Dossier").businessKey((String) c.get("numero"))
                    .setVariable("dossierId", ((Number) c.get("id")).longValue())
                    .setVariable("numero", c.get("numero")).setVariable("structure", c.get("raison_sociale"))
                    .setVariable("categorie", c.get("categorie")).setVariable("vague", vague)
                    .setVariable("departement", c.get("departement")).setVariable("issueInstruction", "INSTRUIT")
                    .startBeforeActivity("CallActivity_DecisionComite").execute();
            numeros.add((String) c.get("numero"));
        }
        return numeros;
    }
}
