package fr.gouv.fabriques.application.ds;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The webhook's hints (« read dossier n now »), coalesced: a burst of hints for the same dossier is one read, and at most
 * {@value #MAX} dossiers wait (beyond, the hint is dropped: the next poll reads the dossier anyway). Never data: the dossier
 * is read from the API.
 */
@Service
public class LecturesAnticipees {

    static final int MAX = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LecturesAnticipees.class);

    private final ImporterDossiersDs importer;
    private final Set<Integer> enAttente = new LinkedHashSet<>();

    public LecturesAnticipees(ImporterDossiersDs importer) {
        this.importer = importer;
    }

    /** @return false when the hint was dropped (queue full) */
    public synchronized boolean signaler(int dsNumero) {
        if (enAttente.size() >= MAX && !enAttente.contains(dsNumero)) {
            return false;
        }
        enAttente.add(dsNumero);
        return true;
    }

    public synchronized int enAttente() {
        return enAttente.size();
    }

    /** Reads the hinted dossiers; a failure leaves the rest to the next poll. @return how many were read */
    public int lire() {
        int lus = 0;
        while (true) {
            Integer numero;
            synchronized (this) {
                if (enAttente.isEmpty()) {
                    return lus;
                }
                numero = enAttente.iterator().next();
                enAttente.remove(numero);
            }
            try {
                importer.lireDossier(numero);
                lus++;
            } catch (RuntimeException e) {
                LOG.warn("Lecture anticipée du dossier DS {} impossible : {} ; la prochaine lecture planifiée le reprendra", numero, e.getMessage());
                return lus;
            }
        }
    }
}
