package fr.gouv.fabriques.domain;

/** A dossier was asked to move to a status its lifecycle does not allow from where it is. */
public class TransitionInterdite extends ErreurMetier {

    public TransitionInterdite(String numero, StatutDossier depuis, StatutDossier vers) {
        super("statut", "Le dossier " + numero + " est « " + depuis.libelle() + " » : il ne peut pas passer à « "
                + vers.libelle() + " ». Transitions permises : " + depuis.suivantsLisibles() + ".");
    }
}
