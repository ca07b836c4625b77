package fr.gouv.fabriques.web;

/** A JSON body above {@code fabriques.api.taille-max-json}: refused before it is parsed (413). */
class CorpsTropVolumineux extends RuntimeException {

    private final long max;

    CorpsTropVolumineux(long max) {
        super("Corps JSON de plus de " + max + " octets");
        this.max = max;
    }

    long max() {
        return max;
    }
}
