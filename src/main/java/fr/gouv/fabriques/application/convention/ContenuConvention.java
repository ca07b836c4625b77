package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Vague;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the convention of one dossier says, as the values of the template's variables and the
 * conditions its {@code @si} sections test. {@link #VARIABLES} and {@link #CONDITIONS} are the
 * contract with the template (src/main/resources/convention/LISEZMOI.txt repeats them).
 */
public record ContenuConvention(String reference, Instant etablieLe, Map<String, String> variables, Set<String> conditions) {

    /** The variables a template may use, with what they hold. */
    public static final Map<String, String> VARIABLES = decrireVariables();
    /** The conditions a template may test with {@code @si}. */
    public static final Map<String, String> CONDITIONS = Map.of(
            "numerique", "la catégorie est NUMERIQUE_QPV : le soutien complémentaire s'ajoute à la première annuité",
            "qpv", "la Fabrique est située en quartier prioritaire de la politique de la ville (un code QPV est connu)");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final char ESPACE_INSECABLE = '\u00a0';

    public ContenuConvention {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        conditions = Set.copyOf(conditions);
        if (!variables.keySet().equals(VARIABLES.keySet())) {
            throw new IllegalArgumentException("variables de la convention attendues : " + VARIABLES.keySet() + " ; reçues : " + variables.keySet());
        }
        if (!CONDITIONS.keySet().containsAll(conditions)) {
            throw new IllegalArgumentException("conditions inconnues : " + conditions);
        }
    }

    private static Map<String, String> decrireVariables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reference", "référence de la convention : CONV- suivi du numéro du dossier (CONV-FDT-2026-0001)");
        v.put("numero", "numéro du dossier (FDT-2026-0001)");
        v.put("dateEtablissement", "date où la convention a été établie (3 mars 2026)");
        v.put("representantEtat", "qui représente l'État (fabriques.convention.representant-etat)");
        v.put("raisonSociale", "raison sociale de la structure");
        v.put("siret", "SIRET de la structure (14 chiffres)");
        v.put("formeJuridique", "forme juridique, en toutes lettres (association, société coopérative d'intérêt collectif…)");
        v.put("adresse", "adresse de la structure sur une ligne (12 rue des Forges, 58000 Nevers)");
        v.put("codeQpv", "code du quartier prioritaire (vide hors QPV ; à tester avec @si qpv)");
        v.put("contact", "nom de la personne à contacter pour le dossier");
        v.put("projet", "nom de la Fabrique");
        v.put("categorie", "catégorie, en toutes lettres (Fabrique de territoire en quartier prioritaire…)");
        v.put("appel", "appel à manifestation d'intérêt, en toutes lettres");
        v.put("vague", "code de la vague (FDT-2026-03)");
        v.put("montantAnnee1", "montant de l'année 1 (50 000 €)");
        v.put("montantAnnee2", "montant de l'année 2");
        v.put("montantAnnee3", "montant de l'année 3");
        v.put("montantTotal", "total des trois années, hors soutien complémentaire numérique");
        v.put("plafondAnnuel", "plafond annuel du programme (fabriques.financement.plafond-annuel)");
        v.put("supplementNumerique", "soutien complémentaire des Fabriques numériques (100 000 € ; 0 € hors numérique)");
        v.put("premierVersement", "premier versement : année 1 plus le soutien complémentaire numérique");
        v.put("montantTotalAvecSupplement", "total de l'aide de l'État : trois années et soutien complémentaire");
        v.put("delaiSignature", "délai de signature laissé au porteur (60 jours ; fabriques.delais.signature-convention)");
        v.put("echeanceSignature", "date limite de signature par le porteur (date d'établissement + délai)");
        return java.util.Collections.unmodifiableMap(v);
    }

    /** The convention of a laureate, as drawn on {@code convention.genereeLe()}. */
    public static ContenuConvention de(Dossier dossier, Convention convention, PlafondsFinancement plafonds, Delais delais,
            String representantEtat) {
        ZonedDateTime le = convention.genereeLe().atZone(Vague.FUSEAU);
        MontantsAnnuels m = convention.montants();
        int supplement = convention.supplementNumerique();
        TemporalAmount delai = Delais.parse(delais.signatureConvention());
        String reference = reference(dossier.numero());

        Map<String, String> v = new LinkedHashMap<>();
        v.put("reference", reference);
        v.put("numero", dossier.numero());
        v.put("dateEtablissement", date(le));
        v.put("representantEtat", representantEtat);
        v.put("raisonSociale", dossier.structure().raisonSociale());
        v.put("siret", dossier.structure().siret().toString());
        v.put("formeJuridique", dossier.structure().formeJuridique().libelle());
        v.put("adresse", adresse(dossier.structure().adresse()));
        v.put("codeQpv", dossier.structure().codeQpv() == null ? "" : dossier.structure().codeQpv());
        v.put("contact", dossier.contact() == null ? "" : dossier.contact().nom());
        v.put("projet", dossier.projet() == null ? dossier.structure().raisonSociale() : dossier.projet().nom());
        v.put("categorie", dossier.categorie().libelle());
        v.put("appel", dossier.appel().libelle());
        v.put("vague", dossier.vague());
        v.put("montantAnnee1", euros(m.annee1()));
        v.put("montantAnnee2", euros(m.annee2()));
        v.put("montantAnnee3", euros(m.annee3()));
        v.put("montantTotal", euros(m.total()));
        v.put("plafondAnnuel", euros(plafonds.plafondAnnuel()));
        v.put("supplementNumerique", euros(supplement));
        v.put("premierVersement", euros(m.annee1() + (long) supplement));
        v.put("montantTotalAvecSupplement", euros(m.total() + (long) supplement));
        v.put("delaiSignature", duree(delai));
        v.put("echeanceSignature", delai instanceof Duration ? DATE_HEURE.format(le.plus(delai)) : date(le.plus(delai)));

        Set<String> conditions = new LinkedHashSet<>();
        if (supplement > 0) {
            conditions.add("numerique");
        }
        if (dossier.structure().codeQpv() != null && !dossier.structure().codeQpv().isBlank()) {
            conditions.add("qpv");
        }
        return new ContenuConvention(reference, convention.genereeLe(), v, conditions);
    }

    /** The convention's reference: CONV-FDT-2026-0001. */
    public static String reference(String numero) {
        return "CONV-" + numero;
    }

    /** « 50 000 € », with non-breaking spaces: an amount is never split across two lines. */
    public static String euros(long montant) {
        return PlafondsFinancement.euros(montant).replace(' ', ESPACE_INSECABLE);
    }

    /** « 1er mars 2026 », « 15 mars 2026 ». */
    public static String date(ZonedDateTime le) {
        String d = DATE.format(le);
        return le.getDayOfMonth() == 1 ? "1er" + d.substring(1) : d;
    }

    /** P60D → « 60 jours », P1Y2M → « 1 an et 2 mois », PT10M → « 10 minutes ». */
    public static String duree(TemporalAmount delai) {
        List<String> parties = new ArrayList<>();
        if (delai instanceof Period p) {
            ajouter(parties, p.getYears(), "an", "ans");
            ajouter(parties, p.getMonths(), "mois", "mois");
            ajouter(parties, p.getDays(), "jour", "jours");
        } else {
            Duration d = (Duration) delai;
            ajouter(parties, d.toDaysPart(), "jour", "jours");
            ajouter(parties, d.toHoursPart(), "heure", "heures");
            ajouter(parties, d.toMinutesPart(), "minute", "minutes");
            ajouter(parties, d.toSecondsPart(), "seconde", "secondes");
        }
        if (parties.isEmpty()) {
            return "0" + ESPACE_INSECABLE + "jour";
        }
        if (parties.size() == 1) {
            return parties.get(0);
        }
        return String.join(", ", parties.subList(0, parties.size() - 1)) + " et " + parties.get(parties.size() - 1);
    }

    private static void ajouter(List<String> parties, long n, String singulier, String pluriel) {
        if (n != 0) {
            parties.add(n + String.valueOf(ESPACE_INSECABLE) + (Math.abs(n) == 1 ? singulier : pluriel));
        }
    }

    public static String adresse(Adresse a) {
        return a.ligne().strip() + ", " + a.codePostal() + " " + a.commune();
    }
}
