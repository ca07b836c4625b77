package fr.gouv.fabriques.domain;

import java.time.Instant;

/**
 * Amendment n°{@code numero} to a dossier's signed convention: what changes (the yearly amounts,
 * a shift of the calendar in months, the beneficiary's SIRET; null when unchanged), what it was,
 * and who did what and when at each step: proposed by a programme manager, validated (or
 * rejected) by another, signed by the laureate (PDF), signed for the State, applied.
 */
public record Avenant(long id, long dossierId, int numero, EtatAvenant etat, String motif, MontantsAnnuels montantsAvant,
        MontantsAnnuels montants, Integer decalageMois, String siretAvant, String siret, String proposePar, Instant proposeLe,
        String validePar, Instant valideLe, String rejetePar, Instant rejeteLe, String motifRejet, Instant etabliLe, String pdfSha256,
        String signatairePorteur, Instant signePorteurLe, String signeSha256, String signeEtatPar, Instant signeEtatLe,
        Instant appliqueLe, long engagementDelta, Instant caducLe) {

    /** A new proposal, not yet stored (id 0). */
    public static Avenant propose(long dossierId, int numero, ModificationConvention m, MontantsAnnuels montantsAvant, String siretAvant,
            String par, Instant le) {
        return new Avenant(0, dossierId, numero, EtatAvenant.PROPOSE, m.motif(), montantsAvant, m.montants(), m.decalageMois(),
                siretAvant, m.siret(), par, le, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null);
    }

    /** The change it carries, as proposed. */
    public ModificationConvention modification() {
        return new ModificationConvention(montants, decalageMois, siret, motif);
    }

    public Avenant valide(String par, Instant le) {
        exiger(EtatAvenant.PROPOSE, "valider l'avenant");
        quatreYeux(par, "valider");
        return avec(EtatAvenant.A_SIGNER, par, le, null, null, null, etabliLe, pdfSha256, signatairePorteur, signePorteurLe, signeSha256,
                signeEtatPar, signeEtatLe, appliqueLe, engagementDelta, caducLe);
    }

    public Avenant rejete(String par, String motifRejet, Instant le) {
        exiger(EtatAvenant.PROPOSE, "rejeter l'avenant");
        quatreYeux(par, "rejeter");
        return avec(EtatAvenant.REJETE, null, null, par, le, motifRejet, etabliLe, pdfSha256, signatairePorteur, signePorteurLe,
                signeSha256, signeEtatPar, signeEtatLe, appliqueLe, engagementDelta, caducLe);
    }

    public Avenant etabli(String sha256, Instant le) {
        exiger(EtatAvenant.A_SIGNER, "établir l'avenant");
        return avec(etat, validePar, valideLe, rejetePar, rejeteLe, motifRejet, le, sha256, signatairePorteur, signePorteurLe, signeSha256,
                signeEtatPar, signeEtatLe, appliqueLe, engagementDelta, caducLe);
    }

    public Avenant signeParLePorteur(String signataire, String sha256, Instant le) {
        exiger(EtatAvenant.A_SIGNER, "enregistrer la signature du porteur");
        return avec(EtatAvenant.SIGNE_PORTEUR, validePar, valideLe, rejetePar, rejeteLe, motifRejet, etabliLe, pdfSha256, signataire, le,
                sha256, signeEtatPar, signeEtatLe, appliqueLe, engagementDelta, caducLe);
    }

    /** Signed for the State: it takes effect ({@link #applique}, in the same transaction). */
    public Avenant signeParLEtat(String par, Instant le) {
        exiger(EtatAvenant.SIGNE_PORTEUR, "signer l'avenant pour l'État");
        return avec(etat, validePar, valideLe, rejetePar, rejeteLe, motifRejet, etabliLe, pdfSha256, signatairePorteur, signePorteurLe,
                signeSha256, par, le, appliqueLe, engagementDelta, caducLe);
    }

    /** Applied to the convention, the schedule, the envelope and the beneficiary, once both parties signed. */
    public Avenant applique(long delta, Instant le) {
        exiger(EtatAvenant.SIGNE_PORTEUR, "appliquer l'avenant");
        if (signeEtatLe == null) {
            throw new ErreurMetier("avenant", "L'avenant n°" + numero + " n'est pas signé pour l'État : il ne s'applique pas encore.");
        }
        return avec(EtatAvenant.APPLIQUE, validePar, valideLe, rejetePar, rejeteLe, motifRejet, etabliLe, pdfSha256, signatairePorteur,
                signePorteurLe, signeSha256, signeEtatPar, signeEtatLe, le, delta, caducLe);
    }

    public Avenant caduc(Instant le) {
        exiger(EtatAvenant.A_SIGNER, "constater la caducité de l'avenant");
        return avec(EtatAvenant.CADUC, validePar, valideLe, rejetePar, rejeteLe, motifRejet, etabliLe, pdfSha256, signatairePorteur,
                signePorteurLe, signeSha256, signeEtatPar, signeEtatLe, appliqueLe, engagementDelta, le);
    }

    /** « AVN-FDT-2026-0001-2 ». */
    public String reference(String numeroDossier) {
        return "AVN-" + numeroDossier + "-" + numero;
    }

    private void quatreYeux(String par, String action) {
        if (par == null || par.equals(proposePar)) {
            throw new ErreurMetier("agent", "Principe des quatre yeux : « " + par + " » a proposé l'avenant n°" + numero
                    + " ; un autre gestionnaire doit le " + action + ".");
        }
    }

    private void exiger(EtatAvenant attendu, String action) {
        if (etat != attendu) {
            throw new ErreurMetier("avenant", "Impossible de " + action + " n°" + numero + " : il est « " + etat.libelle()
                    + " » (attendu : « " + attendu.libelle() + " »).");
        }
    }

    private Avenant avec(EtatAvenant e, String vPar, Instant vLe, String rPar, Instant rLe, String mRejet, Instant etabli, String sha,
            String signataire, Instant signeLe, String signeSha, String etatPar, Instant etatLe, Instant appliqueA, long delta, Instant caduc) {
        return new Avenant(id, dossierId, numero, e, motif, montantsAvant, montants, decalageMois, siretAvant, siret, proposePar, proposeLe,
                vPar, vLe, rPar, rLe, mRejet, etabli, sha, signataire, signeLe, signeSha, etatPar, etatLe, appliqueA, delta, caduc);
    }
}
