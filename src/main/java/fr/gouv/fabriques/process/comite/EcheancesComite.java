package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.process.deploiement.ExposeAuxModeles;
import fr.gouv.fabriques.application.vague.ConsulterVagues;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.process.commun.DelaisProcessus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The due dates of a wave's committee tasks, from its committee date (bean {@code echeancesComite},
 * read by bpmn/comite-vague.bpmn): « Préparer la séance » is due when the session opens, the
 * committee day at 9:00, and each « Décider du dossier » by the end of that day (Paris time). A
 * wave without a committee date falls back on the processing delay ({@code delais.traitement}).
 * The date is read from the database when the task is created, so a committee date moved with
 * the deadline ({@code PUT /api/agents/vagues/{code}/date-limite}) is the one used.
 */
@ExposeAuxModeles
@Component("echeancesComite")
public class EcheancesComite {

    static final LocalTime OUVERTURE_SEANCE = LocalTime.of(9, 0);
    static final LocalTime FIN_SEANCE = LocalTime.of(23, 59, 59);

    private final ConsulterVagues vagues;
    private final DelaisProcessus delais;

    EcheancesComite(ConsulterVagues vagues, DelaisProcessus delais) {
        this.vagues = vagues;
        this.delais = delais;
    }

    /** Due date of « Préparer la séance »: the committee day, 9:00. */
    public Date seance(String vague) {
        return le(vague, OUVERTURE_SEANCE);
    }

    /** Due date of each « Décider du dossier »: the committee day, 23:59:59. */
    public Date decisions(String vague) {
        return le(vague, FIN_SEANCE);
    }

    private Date le(String code, LocalTime heure) {
        LocalDate comite = vagues.parCode(code).map(Vague::dateComite).orElse(null);
        if (comite == null) {
            return delais.echeance("traitement");
        }
        return Date.from(ZonedDateTime.of(comite, heure, Vague.FUSEAU).toInstant());
    }
}
