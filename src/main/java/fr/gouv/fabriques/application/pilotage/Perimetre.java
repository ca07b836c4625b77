package fr.gouv.fabriques.application.pilotage;

import fr.gouv.fabriques.domain.Appel;

/** Which dossiers the figures cover: one wave, one call, or (both null) the whole programme. */
public record Perimetre(String vague, Appel appel) {

    public static final Perimetre PROGRAMME = new Perimetre(null, null);

    /** The list filter of the perimeter, to which each figure adds its own criteria. */
    LienListeDossiers filtre() {
        return LienListeDossiers.tous().vague(vague).appel(appel == null ? null : appel.name());
    }
}
