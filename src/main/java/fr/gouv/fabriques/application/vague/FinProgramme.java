package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The programme's last day (« Le programme en bref » (README)): no wave takes deposits
 * after it, none opens on its own after it, and no deadline is moved past it.
 *
 * <p>{@code fabriques.programme.fin} (ISO date, the whole day counts, Paris time). Unset:
 * 31 October 2022 in production, the programme's real end; in demo mode, 31 December of
 * next year, so that the demo's open waves (a few weeks after today, recomputed at each
 * start) stay inside the programme.
 */
@Component
public class FinProgramme {

    /** The real programme ran until October 2022. */
    public static final LocalDate FIN_REELLE = LocalDate.of(2022, 10, 31);
    private static final DateTimeFormatter AFFICHAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LocalDate jour;

    @Autowired
    public FinProgramme(@Value("${fabriques.programme.fin:}") String fin, @Value("${fabriques.mode:demo}") String mode, Clock horloge) {
        this(resoudre(fin, mode, horloge));
    }

    FinProgramme(LocalDate jour) {
        this.jour = jour;
    }

    /** A programme that ends on that day (tests). */
    public static FinProgramme le(LocalDate jour) {
        return new FinProgramme(jour);
    }

    static LocalDate resoudre(String fin, String mode, Clock horloge) {
        if (fin != null && !fin.isBlank()) {
            try {
                return LocalDate.parse(fin.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("fabriques.programme.fin : date ISO-8601 attendue (ex. 2022-10-31), reçu « " + fin + " »", e);
            }
        }
        if ("demo".equals(mode)) {
            return LocalDate.of(LocalDate.ofInstant(horloge.instant(), Vague.FUSEAU).getYear() + 1, 12, 31);
        }
        return FIN_REELLE;
    }

    /** The programme's last day. */
    public LocalDate jour() {
        return jour;
    }

    /** The last instant of the programme: its last day, 23:59:59 Paris time (as a wave's deadline). */
    public Instant instant() {
        return ZonedDateTime.of(jour, LocalTime.of(23, 59, 59), Vague.FUSEAU).toInstant();
    }

    /** Whether a deadline falls after the programme's end. */
    public boolean depassePar(Instant dateLimite) {
        return dateLimite.isAfter(instant());
    }

    /** « 31/10/2022 ». */
    public String lisible() {
        return AFFICHAGE.format(jour);
    }
}
