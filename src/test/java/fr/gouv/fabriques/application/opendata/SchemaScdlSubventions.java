package fr.gouv.fabriques.application.opendata;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules of the SCDL « subventions » table schema, version 2.1.1, written from its documentation
 * (schema.data.gouv.fr, « scdl/subventions » 2.1.1, generated from the schema's schema.json; the
 * schema's repository is gitlab.com/opendatafrance/scdl/subventions) — independently of the code that
 * writes the file, so that a test can catch the writer breaking them:
 * <ul>
 * <li>16 fields, in this order; a missing value is the empty string;</li>
 * <li>required: nomAttribuant, idAttribuant, dateConvention, nomBeneficiaire, objet, montant, nature,
 * conditionsVersement, datesPeriodeVersement, notificationUE, pourcentageSubvention; and idBeneficiaire or
 * rnaBeneficiaire (the « one-of-required » check added in 2.1.0);</li>
 * <li>idAttribuant: {@code ^\d{14}$}; idBeneficiaire: a SIRET of 14 digits (description; the 2.1.1 page shows
 * no pattern for it, we hold it to the idAttribuant's); rnaBeneficiaire: {@code ^W\d{9}$};</li>
 * <li>dateConvention: a date AAAA-MM-JJ (ISO 8601);</li>
 * <li>objet, conditionsVersement: fewer than 256 characters; idRAE: fewer than 5;</li>
 * <li>montant: a number, point as decimal separator; pourcentageSubvention: a number between 0.01 and 1;</li>
 * <li>nature: « aide en numéraire », « aide en nature », or both joined by « ; » in either order;</li>
 * <li>conditionsVersement: « unique », « échelonné », or « autre » (a free description);</li>
 * <li>datesPeriodeVersement: {@code ^[0-9]{4}\-[0-9]{2}\-[0-9]{2}(\/[0-9]{4}\-[0-9]{2}\-[0-9]{2})?$}, one date or a
 * period with a slash (ISO 8601 — not the underscore of the arrêté's first format); we also require real
 * dates, the period's start not after its end;</li>
 * <li>notificationUE: a boolean written « oui » or « non ».</li>
 * </ul>
 * The file: UTF-8, comma-separated (the SCDL examples and OpenDataFrance's CSV guide), header line first.
 */
public final class SchemaScdlSubventions {

    public static final List<String> CHAMPS = List.of("nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision",
            "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
            "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide");

    static final Set<String> OBLIGATOIRES = Set.of("nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "objet", "montant",
            "nature", "conditionsVersement", "datesPeriodeVersement", "notificationUE", "pourcentageSubvention");

    private static final Map<String, Pattern> MOTIFS = Map.of(
            "idAttribuant", Pattern.compile("^\\d{14}$"),
            "idBeneficiaire", Pattern.compile("^\\d{14}$"),
            "rnaBeneficiaire", Pattern.compile("^W\\d{9}$"),
            "datesPeriodeVersement", Pattern.compile("^[0-9]{4}\\-[0-9]{2}\\-[0-9]{2}(\\/[0-9]{4}\\-[0-9]{2}\\-[0-9]{2})?$"));
    private static final Set<String> NATURES = Set.of("aide en numéraire", "aide en nature", "aide en numéraire;aide en nature",
            "aide en nature;aide en numéraire");
    /** A Table Schema number as the SCDL writes it: digits, a point before the decimals. */
    private static final Pattern NOMBRE = Pattern.compile("^-?\\d+(\\.\\d+)?$");

    private SchemaScdlSubventions() {
    }

    /** The file read as the schema says (comma, header line); fails if the header is not the schema's. */
    public static List<Map<String, String>> lire(String csv) throws IOException {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            if (!p.getHeaderNames().equals(CHAMPS)) {
                throw new AssertionError("en-tête : attendu " + CHAMPS + ", reçu " + p.getHeaderNames());
            }
            List<Map<String, String>> lignes = new ArrayList<>();
            for (CSVRecord r : p) {
                if (r.size() != CHAMPS.size()) {
                    throw new AssertionError("ligne " + r.getRecordNumber() + " : " + r.size() + " champs au lieu de " + CHAMPS.size());
                }
                lignes.add(r.toMap());
            }
            return lignes;
        }
    }

    /** The rules a line breaks, one message each; empty if it is valid. */
    public static List<String> violations(Map<String, String> ligne) {
        List<String> fautes = new ArrayList<>();
        for (String champ : CHAMPS) {
            if (!ligne.containsKey(champ)) {
                fautes.add(champ + " : colonne absente");
            }
        }
        for (String champ : OBLIGATOIRES) {
            if (vide(ligne.get(champ))) {
                fautes.add(champ + " : valeur obligatoire");
            }
        }
        if (vide(ligne.get("idBeneficiaire")) && vide(ligne.get("rnaBeneficiaire"))) {
            fautes.add("idBeneficiaire ou rnaBeneficiaire : l'un des deux est obligatoire");
        }
        MOTIFS.forEach((champ, motif) -> {
            String v = ligne.get(champ);
            if (!vide(v) && !motif.matcher(v).matches()) {
                fautes.add(champ + " : « " + v + " » ne suit pas le motif " + motif);
            }
        });
        String date = ligne.get("dateConvention");
        if (!vide(date) && date(date) == null) {
            fautes.add("dateConvention : « " + date + " » n'est pas une date AAAA-MM-JJ");
        }
        String periode = ligne.get("datesPeriodeVersement");
        if (!vide(periode) && MOTIFS.get("datesPeriodeVersement").matcher(periode).matches()) {
            String[] bornes = periode.split("/");
            LocalDate debut = date(bornes[0]);
            LocalDate fin = bornes.length > 1 ? date(bornes[1]) : debut;
            if (debut == null || fin == null) {
                fautes.add("datesPeriodeVersement : « " + periode + " » contient une date qui n'existe pas");
            } else if (fin.isBefore(debut)) {
                fautes.add("datesPeriodeVersement : la période « " + periode + " » finit avant de commencer");
            }
        }
        longueurMax(ligne, "objet", 255, fautes);
        longueurMax(ligne, "conditionsVersement", 255, fautes);
        longueurMax(ligne, "idRAE", 4, fautes);
        String montant = ligne.get("montant");
        if (!vide(montant) && !NOMBRE.matcher(montant).matches()) {
            fautes.add("montant : « " + montant + " » n'est pas un nombre (point décimal)");
        }
        String pourcentage = ligne.get("pourcentageSubvention");
        if (!vide(pourcentage)) {
            if (!NOMBRE.matcher(pourcentage).matches()) {
                fautes.add("pourcentageSubvention : « " + pourcentage + " » n'est pas un nombre (point décimal)");
            } else {
                BigDecimal p = new BigDecimal(pourcentage);
                if (p.compareTo(new BigDecimal("0.01")) < 0 || p.compareTo(BigDecimal.ONE) > 0) {
                    fautes.add("pourcentageSubvention : " + pourcentage + " hors de l'intervalle 0.01 à 1");
                }
            }
        }
        String nature = ligne.get("nature");
        if (!vide(nature) && !NATURES.contains(nature)) {
            fautes.add("nature : « " + nature + " » n'est pas une valeur autorisée " + NATURES);
        }
        String notification = ligne.get("notificationUE");
        if (!vide(notification) && !Set.of("oui", "non").contains(notification)) {
            fautes.add("notificationUE : « " + notification + " » au lieu de oui ou non");
        }
        return fautes;
    }

    private static void longueurMax(Map<String, String> ligne, String champ, int max, List<String> fautes) {
        String v = ligne.get(champ);
        if (v != null && v.codePointCount(0, v.length()) > max) {
            fautes.add(champ + " : " + v.codePointCount(0, v.length()) + " caractères, " + max + " au plus");
        }
    }

    private static boolean vide(String v) {
        return v == null || v.isEmpty();
    }

    private static LocalDate date(String texte) {
        if (!texte.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
