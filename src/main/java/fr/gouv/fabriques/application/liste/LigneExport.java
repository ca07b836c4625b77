package fr.gouv.fabriques.application.liste;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything an export says of one dossier, read in one row (README « Tous les dossiers et
 * exports »): structure, project, amounts at each stage, scores, opinions, decisions and their
 * reasons, the date of each step. The applicant's contact (a person's name, mail and phone) is
 * left out: a file that leaves the application carries no personal data it does not need.
 * Codes are the enums' names; null where the step was not reached.
 */
public record LigneExport(
        String numero, String raisonSociale, String siret, String formeJuridique, String adresse, String codePostal, String commune,
        String codeInsee, String departement, String region, String codeQpv,
        String projetNom, String projetDescription, String projetServices, String projetPartenaires, String projetGouvernance,
        BigDecimal projetEtpFinances,
        String categorie, String appel, String vague, String statut,
        Integer demande1, Integer demande2, Integer demande3,
        Integer propose1, Integer propose2, Integer propose3,
        Integer decide1, Integer decide2, Integer decide3,
        Integer conventionne1, Integer conventionne2, Integer conventionne3, Integer supplementNumerique,
        Long verse, Long reverseOrdonne, Long reverseRecu,
        BigDecimal score, Integer noteGouvernance, Integer notePartenariats, Integer noteBesoinLocal, Integer noteOffreServices,
        Integer noteModeleEconomique, Integer noteEmploi,
        Boolean complet, String piecesManquantes,
        String avisReferent, boolean avisAbsent, String avisMotivation, String avisPar,
        String recommandation, String propositionMotif, String instruitPar,
        String validation, String validationCommentaire, String valideePar,
        String decisionComite, String decisionEtat, String decisionMotivation,
        String conventionStatut, String finNature, String finMotif,
        Instant deposeLe, Instant completudeLe, Instant avisLe, Instant instruitLe, Instant valideeLe, Instant decideLe,
        Instant publieeLe, Instant conventionEtablieLe, Instant signeePorteurLe, Instant signeeEtatLe,
        Instant versement1Le, Instant versement2Le, Instant versement3Le, Instant finLe) {
}
