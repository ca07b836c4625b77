package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A wave of a call: deposits are taken until its deadline (a date-time in
 * Europe/Paris), then its selection committee decides.
 */
public record Vague(String code, Appel appel, Instant dateLimite, LocalDate dateComite, EtatVague etat) {

    public static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter AFFICHAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(FUSEAU);

    public Vague {
        Objects.requireNonNull(code);
        Objects.requireNonNull(appel);
        Objects.requireNonNull(dateLimite);
        Objects.requireNonNull(etat);
    }

    /** Refuses a deposit that comes after the deadline or into a wave that is not open. */
    public void verifierDepotPossible(Instant maintenant) {
        if (etat != EtatVague.OUVERTE || maintenant.isAfter(dateLimite)) {
            throw new ErreursValidation("vague", "la vague " + code + " n'accepte plus de dépôt : sa date limite était le "
                    + dateLimiteLisible() + " (heure de Paris). Déposez dans la vague ouverte de l'appel « "
                    + appel.libelle() + " » (omettez le champ « vague »).");
        }
    }

    public String dateLimiteLisible() {
        return AFFICHAGE.format(dateLimite);
    }
}
