package fr.gouv.fabriques.domain.simulation;

import fr.gouv.fabriques.domain.Avis;
import java.math.BigDecimal;

/**
 * The rules a replay applies to one dossier: eligibility, score, recommendation. {@link #ENREGISTREES}
 * gives back what was recorded when the dossier was decided; candidate tables evaluate anew.
 */
public interface Regles {

    boolean eligible(DossierRejoue d);

    /** Null when the dossier cannot be scored (never instructed). */
    BigDecimal score(DossierRejoue d);

    Avis recommandation(DossierRejoue d, BigDecimal score);

    /** Before a replay: evaluate what can be evaluated ahead (in parallel, cached); nothing by default. */
    default void preparer(java.util.List<DossierRejoue> dossiers) {
    }

    /** The outcome recorded at the time: a replay under these rules is the committee's ranking as it stood. */
    Regles ENREGISTREES = new Regles() {
        @Override
        public boolean eligible(DossierRejoue d) {
            return d.eligibleEnregistre();
        }

        @Override
        public BigDecimal score(DossierRejoue d) {
            return d.scoreEnregistre();
        }

        @Override
        public Avis recommandation(DossierRejoue d, BigDecimal score) {
            return d.recommandationEnregistree();
        }
    };
}
