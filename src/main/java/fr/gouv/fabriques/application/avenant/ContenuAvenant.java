package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Vague;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What amendment n°k of a convention says, as the values of the template's variables and the
 * conditions its {@code @si} sections test ({@code src/main/resources/convention/modele-avenant.txt};
 * LISEZMOI.txt in the same folder repeats {@link #VARIABLES} and {@link #CONDITIONS}).
 */
public record ContenuAvenant(String reference, Instant etabliLe, Map<String, String> variables, Set<String> conditions) {

    public static final Map<String, String> VARIABLES = decrireVariables();
    public static final Map<String, String> CONDITIONS = Map.of(
            "montants", "l'avenant modifie les montants par année",
            "calendrier", "l'avenant décale le calendrier de la convention",
            "siret", "l'avenant change le SIRET du bénéficiaire (restructuration)",
            "numerique", "la catégorie est NUMERIQUE_QPV : le soutien complémentaire, inchangé, reste versé avec l'année 1");

    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    public ContenuAvenant {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        conditions = Set.copyOf(conditions);
        if (!variables.keySet().equals(VARIABLES.keySet())) {
            throw new IllegalArgumentException("variables de l'avenant attendues : " + VARIABLES.keySet() + " ; reçues : " + variables.keySet());
        }
        if (!CONDITIONS.keySet().containsAll(conditions)) {
            throw new IllegalArgumentException("conditions inconnues : " + conditions);
        }
    }

    private static Map<String, String> decrireVariables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reference", "référence de l'avenant : AVN-{numero}-{k} (AVN-FDT-2026-0001-1)");
        v.put("numeroAvenant", "numéro k de l'avenant (1, 2…)");
        v.put("referenceConvention", "référence de la convention modifiée (CONV-FDT-2026-0001)");
        v.put("numero", "numéro du dossier");
        v.put("dateEtablissement", "date où l'avenant a été établi");
        v.put("representantEtat", "qui représente l'État (fabriques.convention.representant-etat)");
        v.put("raisonSociale", "raison sociale de la structure");
        v.put("siret", "SIRET du bénéficiaire avant l'avenant");
        v.put("formeJuridique", "forme juridique, en toutes lettres");
        v.put("adresse", "adresse de la structure sur une ligne");
        v.put("projet", "nom de la Fabrique");
        v.put("motif", "motif de l'avenant, tel que le gestionnaire l'a écrit");
        v.put("montantAnnee1Avant", "montant de l'année 1 avant l'avenant");
        v.put("montantAnnee2Avant", "montant de l'année 2 avant l'avenant");
        v.put("montantAnnee3Avant", "montant de l'année 3 avant l'avenant");
        v.put("montantTotalAvant", "total des trois années avant l'avenant");
        v.put("montantAnnee1", "montant de l'année 1 après l'avenant");
        v.put("montantAnnee2", "montant de l'année 2 après l'avenant");
        v.put("montantAnnee3", "montant de l'année 3 après l'avenant");
        v.put("montantTotal", "total des trois années après l'avenant");
        v.put("supplementNumerique", "soutien complémentaire numérique, inchangé (0 € hors numérique)");
        v.put("decalageMois", "décalage du calendrier, en mois (vide sans décalage ; à tester avec @si calendrier)");
        v.put("nouveauSiret", "SIRET du bénéficiaire après l'avenant (vide sans changement ; à tester avec @si siret)");
        v.put("delaiSignature", "délai de signature laissé au porteur (fabriques.delais.signature-convention)");
        v.put("echeanceSignature", "date limite de signature par le porteur (date d'établissement + délai)");
        return Collections.unmodifiableMap(v);
    }

    public static ContenuAvenant de(Dossier dossier, Avenant avenant, int supplementNumerique, Delais delais, String representantEtat,
            Instant etabliLe) {
        ZonedDateTime le = etabliLe.atZone(Vague.FUSEAU);
        TemporalAmount delai = Delais.parse(delais.signatureConvention());
        MontantsAnnuels avant = avenant.montantsAvant();
        MontantsAnnuels apres = avenant.montants() == null ? avant : avenant.montants();
        String reference = avenant.reference(dossier.numero());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reference", reference);
        v.put("numeroAvenant", String.valueOf(avenant.numero()));
        v.put("referenceConvention", ContenuConvention.reference(dossier.numero()));
        v.put("numero", dossier.numero());
        v.put("dateEtablissement", ContenuConvention.date(le));
        v.put("representantEtat", representantEtat);
        v.put("raisonSociale", dossier.structure().raisonSociale());
        v.put("siret", avenant.siretAvant());
        v.put("formeJuridique", dossier.structure().formeJuridique().libelle());
        v.put("adresse", ContenuConvention.adresse(dossier.structure().adresse()));
        v.put("projet", dossier.projet() == null ? dossier.structure().raisonSociale() : dossier.projet().nom());
        v.put("motif", avenant.motif().strip());
        v.put("montantAnnee1Avant", ContenuConvention.euros(avant.annee1()));
        v.put("montantAnnee2Avant", ContenuConvention.euros(avant.annee2()));
        v.put("montantAnnee3Avant", ContenuConvention.euros(avant.annee3()));
        v.put("montantTotalAvant", ContenuConvention.euros(avant.total()));
        v.put("montantAnnee1", ContenuConvention.euros(apres.annee1()));
        v.put("montantAnnee2", ContenuConvention.euros(apres.annee2()));
        v.put("montantAnnee3", ContenuConvention.euros(apres.annee3()));
        v.put("montantTotal", ContenuConvention.euros(apres.total()));
        v.put("supplementNumerique", ContenuConvention.euros(supplementNumerique));
        v.put("decalageMois", avenant.decalageMois() == null ? "" : String.valueOf(avenant.decalageMois()));
        v.put("nouveauSiret", avenant.siret() == null ? "" : avenant.siret());
        v.put("delaiSignature", ContenuConvention.duree(delai));
        v.put("echeanceSignature", delai instanceof Duration ? DATE_HEURE.format(le.plus(delai)) : ContenuConvention.date(le.plus(delai)));
        Set<String> conditions = new LinkedHashSet<>();
        if (avenant.montants() != null) {
            conditions.add("montants");
        }
        if (avenant.decalageMois() != null) {
            conditions.add("calendrier");
        }
        if (avenant.siret() != null) {
            conditions.add("siret");
        }
        if (supplementNumerique > 0) {
            conditions.add("numerique");
        }
        return new ContenuAvenant(reference, etabliLe, v, conditions);
    }
}
