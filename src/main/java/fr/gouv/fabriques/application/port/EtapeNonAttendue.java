package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.StatutDossier;

/**
 * The process of a dossier does not wait, at its current step, for what was sent (a report
 * before its year, complements nobody asked for, a signature outside its step): a conflict
 * with the dossier's state, not an error of the server. {@link ProcessusDossier} throws it;
 * the use case, which knows the dossier's status before the attempt, says what it waits for
 * ({@link #selon(StatutDossier)}).
 */
public class EtapeNonAttendue extends ErreurMetier {

    private final String numero;
    private final String envoi;
    private final String precision;

    /**
     * @param envoi what was sent, in French (« le bilan de l'année 2 »)
     * @param precision what the process does wait for, when it knows (« il attend le bilan de l'année 1 »), or null
     */
    public EtapeNonAttendue(String champ, String numero, String envoi, String precision) {
        super(champ, "Le dossier " + numero + " n'attend pas " + envoi + " à cette étape"
                + (precision == null ? "" : " : " + precision) + ". Rien n'a été enregistré.");
        this.numero = numero;
        this.envoi = envoi;
        this.precision = precision;
    }

    private EtapeNonAttendue(EtapeNonAttendue e, StatutDossier statut) {
        super(e.champ(), "Le dossier " + e.numero + " n'attend pas " + e.envoi + " : il est « " + statut.libelle() + " » et attend "
                + (e.precision == null ? statut.attente() : statut.attente() + " (" + e.precision + ")") + ". Rien n'a été enregistré.");
        this.numero = e.numero;
        this.envoi = e.envoi;
        this.precision = e.precision;
    }

    /** The same refusal, saying what a dossier of this status waits for. */
    public EtapeNonAttendue selon(StatutDossier statut) {
        return new EtapeNonAttendue(this, statut);
    }
}
