package fr.gouv.fabriques.web;

import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An amendment as the API shows it: what changes (old → new), its state, who/when at each step, its PDFs' SHA-256. */
@Schema(name = "Avenant", description = "Avenant n°k à la convention : changement (ancien → nouveau), état, qui et quand à chaque étape, "
        + "SHA-256 des PDF")
record AvenantVue(int numero, String reference, String etat, String etatLibelle, String motif,
        @Schema(description = "Montants par année avant l'avenant") MontantsAnnuels montantsAvant,
        @Schema(description = "Montants par année après l'avenant ; null s'ils ne changent pas") MontantsAnnuels montants,
        @Schema(description = "Report des dates anniversaires, en mois ; null sans report") Integer decalageMois,
        String siretAvant, @Schema(description = "Nouveau SIRET ; null s'il ne change pas") String siret,
        String proposePar, Instant proposeLe, String validePar, Instant valideLe, String rejetePar, Instant rejeteLe, String motifRejet,
        Instant etabliLe, String sha256, String signatairePorteur, Instant signePorteurLe, String sha256Signe, String signeEtatPar,
        Instant signeEtatLe, Instant appliqueLe, @Schema(description = "Engagement ajouté à l'enveloppe (négatif : libéré)") long engagementDelta,
        Instant caducLe, @Schema(description = "Téléchargement de l'avenant établi (null tant qu'il ne l'est pas)") String telechargement) {

    static AvenantVue de(String numeroDossier, Avenant a, String prefixeLien) {
        return new AvenantVue(a.numero(), a.reference(numeroDossier), a.etat().name(), a.etat().libelle(), a.motif(), a.montantsAvant(),
                a.montants(), a.decalageMois(), a.siretAvant(), a.siret(), a.proposePar(), a.proposeLe(), a.validePar(), a.valideLe(),
                a.rejetePar(), a.rejeteLe(), a.motifRejet(), a.etabliLe(), a.pdfSha256(), a.signatairePorteur(), a.signePorteurLe(),
                a.signeSha256(), a.signeEtatPar(), a.signeEtatLe(), a.appliqueLe(), a.engagementDelta(), a.caducLe(),
                a.pdfSha256() == null ? null : prefixeLien + "/" + numeroDossier + "/avenants/" + a.numero());
    }
}
