package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Dossier;

/**
 * What the use cases need from the process engine: start a dossier's process and
 * deliver what the applicant sends to the step that waits for it. A message no step
 * waits for is refused with {@link EtapeNonAttendue}.
 */
public interface ProcessusDossier {

    void demarrer(Dossier dossier);

    /** The applicant answered a completeness request. */
    void complementsRecus(String numero);

    /** The committee's decision on the dossier is published: the dossier's process goes on. */
    void decisionPubliee(String numero, fr.gouv.fabriques.domain.TypeDecision decision);

    /** The applicant signed the convention. */
    void conventionSigneeParLePorteur(String numero);

    /** The applicant submitted the report of a year. */
    void bilanDepose(String numero, int annee);

    /**
     * The dossier moved to another wave (carried over at a wave's closing, adjourned, not reached
     * by the committee): its processes and open tasks show that wave (Tasklist columns and filters).
     */
    void vagueChangee(String numero, String vague);

    /**
     * The dossier ended before its closure (nature: RETRAIT, RENONCIATION or ANNULATION): its process is
     * interrupted by the matching event sub-process, and its decision task at its wave's committee closed.
     */
    void terminer(String numero, String nature, String vague);

    /** A cancellation was asked: the validation task for a second gestionnaire. */
    void demanderAnnulation(Dossier dossier);
}
