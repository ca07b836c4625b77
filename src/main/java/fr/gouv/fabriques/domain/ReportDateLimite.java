package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A wave's deposit deadline moved later by a programme manager, with its reason: who,
 * when, from what to what (and the committee date, when it moved with it).
 */
public record ReportDateLimite(String vague, Instant ancienneDateLimite, Instant nouvelleDateLimite, LocalDate ancienneDateComite,
        LocalDate nouvelleDateComite, String motif, String decidePar, Instant le) {
}
