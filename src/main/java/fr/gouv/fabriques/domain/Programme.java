package fr.gouv.fabriques.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The programme's counters, cumulative across waves: laureates per category against
 * their quota, amounts committed against the envelope. The database enforces the
 * same bounds with constraints on one locked row, so that concurrent committees can
 * never exceed them; this class gives the refusal its message.
 */
public record Programme(int totalFabriques, Map<Categorie, Integer> quotas, Map<Categorie, Integer> laureats, long enveloppe,
        long engage) {

    public Programme {
        quotas = Map.copyOf(quotas);
        laureats = Map.copyOf(laureats);
    }

    public int placesRestantes(Categorie c) {
        return quotas.get(c) - laureats.get(c);
    }

    public long enveloppeRestante() {
        return enveloppe - engage;
    }

    /** Refuses new laureates that would bring a category past its quota, or commitments past the envelope. */
    public Programme engager(Map<Categorie, Integer> nouveauxLaureats, long nouvelEngagement) {
        Map<Categorie, Integer> apres = new EnumMap<>(laureats);
        StringBuilder refus = new StringBuilder();
        for (Map.Entry<Categorie, Integer> e : nouveauxLaureats.entrySet()) {
            int total = laureats.get(e.getKey()) + e.getValue();
            if (total > quotas.get(e.getKey())) {
                refus.append(refus.isEmpty() ? "" : " ; ").append("le quota de la catégorie ").append(e.getKey()).append(" serait dépassé : ")
                        .append(laureats.get(e.getKey())).append(" lauréats déjà retenus + ").append(e.getValue()).append(" = ")
                        .append(total).append(" pour un quota de ").append(quotas.get(e.getKey()));
            }
            apres.put(e.getKey(), total);
        }
        if (engage + nouvelEngagement > enveloppe) {
            refus.append(refus.isEmpty() ? "" : " ; ").append("l'enveloppe serait dépassée : ").append(PlafondsFinancement.euros(engage))
                    .append(" déjà engagés + ").append(PlafondsFinancement.euros(nouvelEngagement)).append(" = ")
                    .append(PlafondsFinancement.euros(engage + nouvelEngagement)).append(" pour une enveloppe de ")
                    .append(PlafondsFinancement.euros(enveloppe));
        }
        if (!refus.isEmpty()) {
            throw new ErreurMetier("decisions", "Publication refusée : " + refus + ".");
        }
        return new Programme(totalFabriques, quotas, apres, enveloppe, engage + nouvelEngagement);
    }

    /** A laureate's grant lapsed: its place and its amount go back to the programme. */
    public Programme liberer(Categorie categorie, long engagementLibere) {
        Map<Categorie, Integer> apres = new EnumMap<>(laureats);
        apres.put(categorie, Math.max(0, laureats.get(categorie) - 1));
        return new Programme(totalFabriques, quotas, apres, enveloppe, Math.max(0, engage - engagementLibere));
    }

    /** Gives back to the envelope what a convention ended early will not pay; the laureate keeps its place. */
    public Programme libererEnveloppe(long montantNonVerse) {
        return new Programme(totalFabriques, quotas, laureats, enveloppe, Math.max(0, engage - Math.max(0, montantNonVerse)));
    }

    /** Moves quota places from one category to another; places already taken stay taken. */
    public Programme reequilibrer(Categorie de, Categorie vers, int nombre) {
        if (nombre <= 0) {
            throw new ErreursValidation("nombre", "le nombre de places à transférer doit être positif (reçu : " + nombre + ")");
        }
        if (de == vers) {
            throw new ErreursValidation("vers", "choisissez deux catégories différentes");
        }
        if (quotas.get(de) - nombre < laureats.get(de)) {
            throw new ErreurMetier("nombre", "La catégorie " + de + " a " + laureats.get(de) + " lauréats pour un quota de "
                    + quotas.get(de) + " : elle ne peut céder que " + placesRestantes(de) + " place(s), pas " + nombre + ".");
        }
        Map<Categorie, Integer> nouveaux = new EnumMap<>(quotas);
        nouveaux.put(de, quotas.get(de) - nombre);
        nouveaux.put(vers, quotas.get(vers) + nombre);
        return new Programme(totalFabriques, nouveaux, laureats, enveloppe, engage);
    }

    /**
     * An amendment changed a convention's amounts: {@code delta} more (or, negative, less) is committed.
     * An increase must fit in what is left of the envelope; the laureates and quotas do not change.
     */
    public Programme ajusterEngagement(long delta) {
        if (delta > enveloppeRestante()) {
            throw new ErreurMetier("montants", "L'enveloppe du programme serait dépassée : " + PlafondsFinancement.euros(engage)
                    + " déjà engagés + " + PlafondsFinancement.euros(delta) + " = " + PlafondsFinancement.euros(engage + delta)
                    + " pour une enveloppe de " + PlafondsFinancement.euros(enveloppe) + ".");
        }
        return new Programme(totalFabriques, quotas, laureats, enveloppe, Math.max(0, engage + delta));
    }
}
