package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.process.deploiement.ExposeAuxModeles;
import fr.gouv.fabriques.application.Delais;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The deadlines as the BPMN reads them, bean {@code delais}: timers use
 * {@code ${delais.signatureConvention}} (an ISO-8601 duration) and user tasks
 * {@code camunda:dueDate="${delais.echeance('signatureConvention')}"}, so a task's due
 * date is the deadline of its step.
 */
@ExposeAuxModeles
public class DelaisProcessus {

    private final Delais delais;

    public DelaisProcessus(Delais delais) {
        this.delais = delais;
    }

    public String getComplements() {
        return delais.complements();
    }

    public String getAvisTerritorial() {
        return delais.avisTerritorial();
    }

    public String getSignatureConvention() {
        return delais.signatureConvention();
    }

    public String getRappelSignature() {
        return delais.rappelSignature();
    }

    public String getCorrectionsBilan() {
        return delais.correctionsBilan();
    }

    public String getRegularisationBilan() {
        return delais.regularisationBilan();
    }

    public String getDepotBilan() {
        return delais.depotBilan();
    }

    public String getTraitement() {
        return delais.traitement();
    }

    /** Now (engine clock) plus the named deadline: the due date of a task. */
    public Date echeance(String nom) {
        String iso = switch (nom) {
            case "complements" -> delais.complements();
            case "avisTerritorial" -> delais.avisTerritorial();
            case "signatureConvention" -> delais.signatureConvention();
            case "rappelSignature" -> delais.rappelSignature();
            case "correctionsBilan" -> delais.correctionsBilan();
            case "depotBilan" -> delais.depotBilan();
            case "traitement" -> delais.traitement();
            default -> throw new IllegalArgumentException("délai inconnu dans le modèle : « " + nom
                    + " » (connus : complements, avisTerritorial, signatureConvention, rappelSignature, correctionsBilan, depotBilan, traitement)");
        };
        ZonedDateTime maintenant = ClockUtil.getCurrentTime().toInstant().atZone(fr.gouv.fabriques.domain.Vague.FUSEAU);
        return Date.from(maintenant.plus(Delais.parse(iso)).toInstant());
    }
}
