package fr.gouv.fabriques.domain;

import java.time.Instant;

/**
 * The outcome of a wave's publication, done in the background after « Arrêter les
 * décisions »: the counts published, or the refusal (a quota or the envelope would be
 * exceeded) that sent the decisions back to the programme manager.
 */
public record PublicationVague(String vague, String demandeePar, boolean publiee, Instant le, int laureats, int refuses,
        int ajournes, int reportes, long engagement, String refus) {

    public static PublicationVague publiee(String vague, String par, Instant le, int laureats, int refuses, int ajournes, int reportes,
            long engagement) {
        return new PublicationVague(vague, par, true, le, laureats, refuses, ajournes, reportes, engagement, null);
    }

    public static PublicationVague refusee(String vague, String par, Instant le, String refus) {
        return new PublicationVague(vague, par, false, le, 0, 0, 0, 0, 0, refus);
    }
}
