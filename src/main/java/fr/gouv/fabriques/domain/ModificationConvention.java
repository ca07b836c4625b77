package fr.gouv.fabriques.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an amendment changes in a signed convention — any of: the yearly amounts, a shift of its
 * calendar ({@code decalageMois} months later: payments of years 2 and 3, reports' deadlines, end of
 * the convention), the beneficiary's SIRET after a restructuring — and why. Null means unchanged.
 *
 * <p>The rules ({@link #verifier}): the « Le programme en bref » caps (75–150 k€ over three years,
 * 50 k€ a year at most; the numérique supplement is not touched); a year already paid, or whose
 * payment is ordered and not issued yet, keeps its amount; an amendment neither adds nor removes a
 * payment (a year at 0 stays at 0, and the reverse); an increase must fit in what is left of the
 * programme's envelope (a decrease frees envelope; the category, hence the quota place, never
 * changes); the shift is 1 to 24 months later; the new SIRET is valid (Luhn) and differs.
 */
public record ModificationConvention(MontantsAnnuels montants, Integer decalageMois, String siret, String motif) {

    public static final int DECALAGE_MAX = 24;
    public static final int MOTIF_MAX = 2000;

    /**
     * Refuses the change with every faulty field at once (422, {@link ErreursValidation}), then with the
     * first conflict with the convention's state (409, {@link ErreurMetier} naming the field).
     *
     * @param versements the convention's planned payments (issued or not)
     * @return the change of the programme's commitment it brings (positive: consumes envelope)
     */
    public long verifier(Convention convention, List<Versement> versements, String siretActuel, PlafondsFinancement plafonds,
            Programme programme) {
        List<Violation> violations = new ArrayList<>();
        if (motif == null || motif.strip().length() < 3) {
            violations.add(new Violation("motif", "le motif de l'avenant est obligatoire (3 à " + MOTIF_MAX + " caractères)"));
        } else if (motif.length() > MOTIF_MAX) {
            violations.add(new Violation("motif", "le motif fait " + MOTIF_MAX + " caractères au plus (reçu : " + motif.length() + ")"));
        }
        if (montants == null && decalageMois == null && siret == null) {
            violations.add(new Violation("modification", "indiquez au moins un changement : montants, decalageMois ou siret"));
        }
        if (montants != null) {
            violations.addAll(plafonds.violations(montants, "montants"));
            if (montants.equals(convention.montants())) {
                violations.add(new Violation("montants", "les montants proposés sont ceux de la convention : rien ne change"));
            }
            for (int annee = 1; annee <= MontantsAnnuels.NOMBRE_ANNEES; annee++) {
                int avant = convention.montants().annee(annee);
                int apres = montants.annee(annee);
                if ((avant == 0) != (apres == 0)) {
                    violations.add(new Violation("montants.annee" + annee, "un avenant ne crée ni ne supprime un versement : l'année "
                            + annee + " est à " + PlafondsFinancement.euros(avant) + " dans la convention et doit rester "
                            + (avant == 0 ? "à 0 €" : "supérieure à 0 €")));
                }
            }
        }
        if (decalageMois != null && (decalageMois < 1 || decalageMois > DECALAGE_MAX)) {
            violations.add(new Violation("decalageMois", "le décalage du calendrier se compte en mois, de 1 à " + DECALAGE_MAX
                    + " mois plus tard (reçu : " + decalageMois + ")"));
        }
        if (siret != null) {
            Optional<String> erreur = Siret.erreur(siret);
            if (erreur.isPresent()) {
                violations.add(new Violation("siret", erreur.get()));
            } else if (siret.equals(siretActuel)) {
                violations.add(new Violation("siret", "le SIRET " + siret + " est déjà celui du bénéficiaire : rien ne change"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        if (convention.statut() != StatutConvention.SIGNEE) {
            throw new ErreurMetier("convention", "La convention est « " + convention.statut()
                    + " » : seule une convention signée par les deux parties, en cours, se modifie par avenant.");
        }
        if (montants == null) {
            return 0;
        }
        for (int annee = 1; annee <= MontantsAnnuels.NOMBRE_ANNEES; annee++) {
            if (montants.annee(annee) == convention.montants().annee(annee)) {
                continue;
            }
            int a = annee;
            Optional<Versement> v = versements.stream().filter(x -> x.annee() == a).findFirst();
            if (v.isPresent() && v.get().estEmis()) {
                throw new ErreurMetier("montants.annee" + annee, "Le versement de l'année " + annee + " est déjà émis ("
                        + PlafondsFinancement.euros(v.get().montant()) + ") : son montant ne peut plus changer.");
            }
            if (v.isPresent() && v.get().estOrdonnance()) {
                throw new ErreurMetier("montants.annee" + annee, "Le versement de l'année " + annee + " est ordonnancé ("
                        + PlafondsFinancement.euros(v.get().montant()) + ") et pas encore émis : son montant ne peut pas changer "
                        + "tant que l'ordre est en cours ; proposez l'avenant une fois l'ordre émis ou renvoyé.");
            }
        }
        long delta = (long) montants.total() - convention.montants().total();
        if (delta > programme.enveloppeRestante()) {
            throw new ErreurMetier("montants", "L'enveloppe du programme serait dépassée : " + PlafondsFinancement.euros(programme.engage())
                    + " déjà engagés + " + PlafondsFinancement.euros(delta) + " = " + PlafondsFinancement.euros(programme.engage() + delta)
                    + " pour une enveloppe de " + PlafondsFinancement.euros(programme.enveloppe()) + ".");
        }
        return delta;
    }
}
