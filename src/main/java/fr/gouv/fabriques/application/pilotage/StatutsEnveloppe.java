package fr.gouv.fabriques.application.pilotage;

import fr.gouv.fabriques.domain.StatutDossier;
import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of the dossiers behind each flow of the envelope, for the links of the list (which filters on statuses,
 * not on amounts): the list holds every dossier that can carry the flow, some possibly with nothing yet.
 */
final class StatutsEnveloppe {

    /** Paid: a payment is issued once the convention is signed by the State. */
    static final Set<StatutDossier> VERSES = EnumSet.of(StatutDossier.CONVENTIONNE, StatutDossier.VERSEMENTS_SUSPENDUS, StatutDossier.SOLDE,
            StatutDossier.SOLDE_APRES_REVERSEMENT, StatutDossier.RESILIE, StatutDossier.RENONCE, StatutDossier.ANNULE);

    /** Recovered: a recovery ends the convention « soldé après reversement » (a nil one: « résilié »). */
    static final Set<StatutDossier> RECOUVRES = EnumSet.of(StatutDossier.SOLDE_APRES_REVERSEMENT, StatutDossier.RESILIE);

    /** Released: a lapsed convention gives back all, an early end (renunciation, cancellation, suspension's end) the unpaid part. */
    static final Set<StatutDossier> LIBERES = EnumSet.of(StatutDossier.CADUC, StatutDossier.SOLDE_APRES_REVERSEMENT, StatutDossier.RESILIE,
            StatutDossier.RENONCE, StatutDossier.ANNULE);

    private StatutsEnveloppe() {
    }
}
