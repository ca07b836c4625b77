package fr.gouv.fabriques.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Waves close at the end of each quarter (30/03, 30/06, 30/09, 30/12), 23:59 Paris time (« Le programme en bref » (README)). */
public final class CalendrierVagues {

    public static final int SEMAINES_AVANT_COMITE = 6;

    private CalendrierVagues() {
    }

    /** The 30th of a quarter's last month, on or after the given day. */
    public static LocalDate finDeTrimestre(LocalDate depuis) {
        LocalDate d = LocalDate.of(depuis.getYear(), ((depuis.getMonthValue() - 1) / 3 + 1) * 3, 30);
        return d.isBefore(depuis) ? finDeTrimestre(depuis.plusMonths(1).withDayOfMonth(1)) : d;
    }

    public static String code(Appel appel, LocalDate limite) {
        return String.format("%s-%d-%02d", appel.prefixe(), limite.getYear(), limite.getMonthValue());
    }

    /** The wave of a call closing on that day. */
    public static Vague vague(Appel appel, LocalDate limite, EtatVague etat) {
        ZonedDateTime fin = ZonedDateTime.of(limite, LocalTime.of(23, 59, 59), Vague.FUSEAU);
        return new Vague(code(appel, limite), appel, fin.toInstant(), limite.plusWeeks(SEMAINES_AVANT_COMITE), etat);
    }

    /** The quarterly wave after this one. */
    public static Vague suivante(Vague vague) {
        LocalDate apres = LocalDate.ofInstant(vague.dateLimite(), Vague.FUSEAU).plusDays(1);
        return vague(vague.appel(), finDeTrimestre(apres), EtatVague.OUVERTE);
    }
}
