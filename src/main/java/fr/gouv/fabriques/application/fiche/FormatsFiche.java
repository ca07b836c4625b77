package fr.gouv.fabriques.application.fiche;

import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Vague;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a sheet writes values in French, whatever it is rendered to (markdown for Tasklist, HTML
 * for the printable page): dates in Europe/Paris, amounts in euros, and the programme's words
 * for its codes.
 */
public final class FormatsFiche {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRANCE);

    private FormatsFiche() {
    }

    /** « 3 mars 2026 à 14 h 05 », « 1er avril 2026 à 9 h 00 » (heure de Paris); « — » for none. */
    public static String date(Instant instant) {
        if (instant == null) {
            return "—";
        }
        ZonedDateTime z = instant.atZone(Vague.FUSEAU);
        String d = DATE.format(z);
        return z.getDayOfMonth() == 1 ? "1er" + d.substring(1) : d;
    }

    /** « 50 000 € ». */
    public static String euros(long montant) {
        return PlafondsFinancement.euros(montant);
    }

    /** « 50 000 € + 50 000 € + 40 000 € = 140 000 € ». */
    public static String montants(FicheDossier.Montants m) {
        if (m == null) {
            return "—";
        }
        return euros(m.annee1()) + " + " + euros(m.annee2()) + " + " + euros(m.annee3()) + " = " + euros(m.total());
    }

    /** « 82,5 », « 1,5 »: a decimal with a comma, without trailing zeros beyond the first decimal. */
    public static String nombre(BigDecimal n) {
        if (n == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("0.0##", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return f.format(n);
    }

    /** « 1,2 Mo », « 35 Ko ». */
    public static String taille(long octets) {
        return Piece.tailleLisible(octets);
    }

    /** FAVORABLE → « favorable », RESERVE → « réservé », DEFAVORABLE → « défavorable ». */
    public static String avis(String avis) {
        if (avis == null) {
            return "—";
        }
        return switch (avis) {
            case "FAVORABLE" -> "favorable";
            case "RESERVE" -> "réservé";
            case "DEFAVORABLE" -> "défavorable";
            default -> avis;
        };
    }

    /** VALIDEE → « validée », A_REVOIR → « renvoyée à l'instructeur ». */
    public static String validation(String decision) {
        return "VALIDEE".equals(decision) ? "validée" : "A_REVOIR".equals(decision) ? "renvoyée à l'instructeur" : String.valueOf(decision);
    }

    /** PUBLIEE → « publiée », PROPOSEE → « proposée par le comité, pas encore publiée ». */
    public static String etatDecision(String etat) {
        return "PUBLIEE".equals(etat) ? "publiée" : "proposée par le comité, pas encore publiée";
    }

    /** PREVU → « prévu », ORDONNANCE → « ordonnancé », EMIS → « émis ». */
    public static String statutVersement(String statut) {
        return switch (statut) {
            case "EMIS" -> "émis";
            case "ORDONNANCE" -> "ordonnancé, en attente de validation";
            case "VALIDE" -> "validé, en attente d'émission";
            default -> "prévu";
        };
    }

    /** APPROUVE, CORRECTIONS, REJETE, or null while examined. */
    public static String decisionBilan(String decision) {
        if (decision == null) {
            return "en cours d'examen";
        }
        return switch (decision) {
            case "APPROUVE" -> "approuvé";
            case "CORRECTIONS" -> "corrections demandées";
            case "REJETE" -> "rejeté";
            default -> decision;
        };
    }

    /** The completeness steps of {@link FicheDossier.Echange#nature()}. */
    public static String etapeCompletude(String nature) {
        return switch (nature) {
            case "RECEVABILITE" -> "Recevabilité";
            case "IRRECEVABILITE" -> "Irrecevabilité";
            case "COMPLETUDE" -> "Dossier complet";
            case "DEMANDE_COMPLEMENTS" -> "Demande de compléments";
            case "COMPLEMENTS_RECUS" -> "Réponse du porteur";
            case "CLASSEMENT_SANS_SUITE" -> "Classement sans suite";
            default -> nature;
        };
    }
}
