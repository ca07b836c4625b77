package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface VagueRepository {

    Optional<Vague> parCode(String code);

    /** The open wave of a call whose deadline is still ahead (the earliest one if several). */
    Optional<Vague> ouvertePour(Appel appel, Instant maintenant);

    List<Vague> toutes();

    /** The next wave of the same call still open for deposits after this one's deadline (earliest first). */
    Optional<Vague> suivante(Vague vague);

    void changerEtat(String code, fr.gouv.fabriques.domain.EtatVague etat);

    /** Waves not yet deliberated whose committee process has not been started. */
    List<Vague> sansProcessus();

    void marquerProcessusDemarre(String code);

    /** Records (or replaces) the outcome of the wave's publication. */
    void enregistrerPublication(fr.gouv.fabriques.domain.PublicationVague publication);

    /** The outcome of every wave's latest publication attempt, by wave code. */
    java.util.Map<String, fr.gouv.fabriques.domain.PublicationVague> publications();

    /** Creates the wave if its code is unknown; returns whether it was created. */
    boolean ajouterSiAbsente(Vague vague);

    /** The wave, its row locked until the end of the transaction (a deadline being moved). */
    Optional<Vague> verrouiller(String code);

    /** A new deposit deadline and committee date. */
    void changerDates(String code, Instant dateLimite, java.time.LocalDate dateComite);

    /** Records who moved a wave's deadline, when and why. */
    void enregistrerReport(fr.gouv.fabriques.domain.ReportDateLimite report);

    /** Every wave's deadline moves, oldest first, by wave code. */
    Map<String, List<fr.gouv.fabriques.domain.ReportDateLimite>> reports();
}
