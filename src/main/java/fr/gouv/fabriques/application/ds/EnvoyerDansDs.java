package fr.gouv.fabriques.application.ds;

import fr.gouv.fabriques.application.notification.PolitiqueRelance;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.ActionDs;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.DsRepository.EnvoiReserve;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Empties the DS outbox ({@link EcritureDs}): claims the due rows (the oldest pending one of each DS dossier: order kept),
 * runs their mutations from the first not yet done, records each one done, then the row. A transition DS refuses is looked
 * up: if the dossier is already in the state it leads to, it counts as done (idempotent: a retry after a crash, a decision
 * also taken on DS); otherwise the row is retried with doubling waits like a transport failure (5xx, timeout, 401), and
 * after the last attempt stays in {@code ECHEC}, listed for agents ({@code GET /api/agents/ds/envois}) and counted in the
 * metrics ({@code fabriques.ds.envois{etat}}). Messages are sent at least once (DS has no idempotent message).
 */
@Service
public class EnvoyerDansDs {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoyerDansDs.class);

    private final ConnecteurDs connecteur;
    private final DsRepository repo;
    private final EcritureDs ecriture;
    private final Clock horloge;
    private final DsProperties proprietes;
    private final PolitiqueRelance relance;
    private final MeterRegistry metriques;

    public EnvoyerDansDs(ConnecteurDs connecteur, DsRepository repo, EcritureDs ecriture, Clock horloge, DsProperties proprietes,
            MeterRegistry metriques) {
        this.connecteur = connecteur;
        this.repo = repo;
        this.ecriture = ecriture;
        this.horloge = horloge;
        this.proprietes = proprietes;
        this.relance = proprietes.envoi().politique();
        this.metriques = metriques;
        for (String etat : List.of("A_ENVOYER", "EN_COURS", "FAIT", "ECHEC")) {
            Gauge.builder("fabriques.ds.envois", repo, r -> r.comptesEnvois().getOrDefault(etat, 0L)).tag("etat", etat)
                    .description("Écritures vers démarches-simplifiées par état").register(metriques);
        }
    }

    /** @return how many rows were completed */
    public int envoyerEnAttente() {
        if (!connecteur.actif()) {
            return 0;
        }
        Instant maintenant = horloge.instant();
        int faits = 0;
        List<EnvoiReserve> lot;
        while (!(lot = repo.reserverEnvois(proprietes.envoi().tailleLot(), maintenant, maintenant.plus(proprietes.envoi().bail()))).isEmpty()) {
            for (EnvoiReserve e : lot) {
                if (envoyer(e)) {
                    faits++;
                }
            }
        }
        return faits;
    }

    private boolean envoyer(EnvoiReserve e) {
        if (!relance.tentativeAutorisee(e.tentative())) {
            abandonner(e, "interrompu lors de la dernière tentative autorisée");
            return false;
        }
        DemarchesSimplifiees ds = connecteur.ds();
        List<EcritureDs.Action> actions = ecriture.lire(e.actions());
        for (int i = e.faites(); i < actions.size(); i++) {
            EcritureDs.Action a = actions.get(i);
            try {
                if (a.action() == ActionDs.INSTRUIRE_SI_EN_CONSTRUCTION) {
                    if (!ds.etat(e.dsNumero()).filter("en_construction"::equals).isPresent()) {
                        repo.avancer(e.id(), i + 1);
                        continue;
                    }
                    a = new EcritureDs.Action(ActionDs.PASSER_EN_INSTRUCTION, null, null);
                }
                List<String> erreurs = ds.executer(a.action(), e.dsId(), a.texte(), a.correction());
                if (!erreurs.isEmpty()) {
                    String vise = a.action().etatVise();
                    Optional<String> etat = vise == null ? Optional.empty() : ds.etat(e.dsNumero());
                    if (etat.isEmpty() || !etat.get().equals(vise)) {
                        metriques.counter("fabriques.ds.mutations.refusees", "action", a.action().name()).increment();
                        echec(e, "démarches-simplifiées refuse " + a.action().name() + " : " + String.join(" ; ", erreurs));
                        return false;
                    }
                    LOG.info("Dossier DS {} déjà {} : {} compte comme fait", e.dsNumero(), vise, a.action());
                }
            } catch (RuntimeException ex) {
                echec(e, ex.getMessage());
                return false;
            }
            repo.avancer(e.id(), i + 1);
        }
        repo.marquerFait(e.id(), horloge.instant());
        LOG.info("Dossier DS {} : {} écrit dans démarches-simplifiées (tentative {})", e.dsNumero(), e.nature(), e.tentative());
        return true;
    }

    private void echec(EnvoiReserve e, String erreur) {
        Optional<Instant> prochaine = relance.apresEchec(e.tentative(), horloge.instant());
        if (prochaine.isPresent()) {
            repo.reporterEnvoi(e.id(), e.tentative(), prochaine.get(), erreur);
            LOG.warn("Dossier DS {} : {} non écrit (tentative {}) : {} ; nouvel essai à partir de {}", e.dsNumero(), e.nature(), e.tentative(),
                    erreur, prochaine.get());
        } else {
            abandonner(e, erreur);
        }
    }

    private void abandonner(EnvoiReserve e, String erreur) {
        repo.abandonnerEnvoi(e.id(), e.tentative(), erreur);
        LOG.error("ÉCHEC DÉFINITIF de l'écriture {} du dossier DS {} après {} tentative(s) : {} (GET /api/agents/ds/envois?etat=ECHEC)",
                e.nature(), e.dsNumero(), e.tentative(), erreur);
    }
}
