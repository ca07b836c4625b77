package fr.gouv.fabriques.domain;

import java.time.Instant;

/** The three-year funding agreement drawn from a laureate decision. */
public record Convention(long dossierId, MontantsAnnuels montants, int supplementNumerique, Instant genereeLe,
        Instant signeePorteurLe, Instant signeeEtatLe, String signataireEtat, StatutConvention statut) {

    public static Convention depuis(DecisionComite decision, Categorie categorie, PlafondsFinancement plafonds, Instant maintenant) {
        if (decision.decision() != TypeDecision.LAUREAT) {
            throw new ErreurMetier("Une convention ne se génère que pour un lauréat (décision : " + decision.decision() + ")");
        }
        return new Convention(decision.dossierId(), decision.montants(),
                categorie.estNumerique() ? plafonds.supplementNumerique() : 0, maintenant, null, null, null,
                StatutConvention.A_SIGNER);
    }

    public Convention signeeParLePorteur(Instant quand) {
        exiger(StatutConvention.A_SIGNER, "enregistrer la signature du porteur");
        return new Convention(dossierId, montants, supplementNumerique, genereeLe, quand, null, null, StatutConvention.SIGNEE_PORTEUR);
    }

    public Convention signeeParLEtat(String signataire, Instant quand) {
        exiger(StatutConvention.SIGNEE_PORTEUR, "signer pour l'État");
        return new Convention(dossierId, montants, supplementNumerique, genereeLe, signeePorteurLe, quand, signataire, StatutConvention.SIGNEE);
    }

    public Convention caduque() {
        if (statut != StatutConvention.A_SIGNER && statut != StatutConvention.SIGNEE_PORTEUR) {
            throw new ErreurMetier("statut", "La convention est « " + statut + " » : elle ne peut plus devenir caduque.");
        }
        return new Convention(dossierId, montants, supplementNumerique, genereeLe, signeePorteurLe, signeeEtatLe, signataireEtat, StatutConvention.CADUQUE);
    }

    public Convention soldee() {
        exiger(StatutConvention.SIGNEE, "solder la convention");
        return new Convention(dossierId, montants, supplementNumerique, genereeLe, signeePorteurLe, signeeEtatLe, signataireEtat, StatutConvention.SOLDEE);
    }

    /** Ended early, after a suspension that was not regularised. */
    public Convention resiliee() {
        exiger(StatutConvention.SIGNEE, "résilier la convention");
        return new Convention(dossierId, montants, supplementNumerique, genereeLe, signeePorteurLe, signeeEtatLe, signataireEtat, StatutConvention.RESILIEE);
    }

    private void exiger(StatutConvention attendu, String action) {
        if (statut != attendu) {
            throw new ErreurMetier("statut", "Impossible de " + action + " : la convention est « " + statut
                    + " » (attendu : « " + attendu + " »).");
        }
    }
}
