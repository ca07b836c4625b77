package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Dossier;

/**
 * What the amendments' use cases need from the process engine: start an amendment's process
 * (bpmn/avenant.bpmn, business key = the dossier's number), deliver the laureate's signature to
 * the step waiting for it, and move the dossier's waiting timers when its calendar is shifted.
 */
public interface ProcessusAvenant {

    void demarrer(Dossier dossier, int numeroAvenant);

    /** The laureate signed the amendment; {@link EtapeNonAttendue} if no amendment waits for it. */
    void signeParLePorteur(String numero);

    /**
     * The convention's calendar moved: the timers already waiting (next payment's anniversary, report
     * deadline and reminder, end of the convention) take their new dates, as the calendar now computes them.
     * @return how many timers were moved
     */
    int redaterEcheances(String numero);
}
