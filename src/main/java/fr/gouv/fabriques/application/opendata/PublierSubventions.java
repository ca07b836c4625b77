package fr.gouv.fabriques.application.opendata;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionsSignees;
import fr.gouv.fabriques.application.port.ConventionsSignees.ConventionSignee;
import fr.gouv.fabriques.application.versement.CalendrierConvention;
import fr.gouv.fabriques.domain.Vague;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The essential data of the grant conventions (décret n° 2017-779, arrêté du 17 novembre 2017) in
 * the SCDL « subventions » 2.1.1 table schema: one line per convention signed by the State (the
 * beneficiary is unique), as amended. Formats are the schema's (README « Données ouvertes »):
 * comma-separated CSV (RFC 4180, CRLF), UTF-8 without BOM, ISO dates, a point as decimal separator,
 * a payment period written {@code AAAA-MM-JJ/AAAA-MM-JJ} (the SCDL chose ISO 8601's slash over the
 * arrêté's underscore), booleans {@code oui}/{@code non}.
 */
@Service
public class PublierSubventions {

    /** The schema's fields, in its order: the header line of the file. */
    public static final List<String> COLONNES = List.of("nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision",
            "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
            "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide");

    /** The schema caps {@code objet} at 256 characters (« moins de 256 »): we stay strictly below. */
    static final int LONGUEUR_MAX_OBJET = 255;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLONNES.toArray(String[]::new)).get();

    private final ConventionsSignees conventions;
    private final OpenDataProperties proprietes;
    private final Delais delais;

    public PublierSubventions(ConventionsSignees conventions, OpenDataProperties proprietes, Delais delais) {
        this.conventions = conventions;
        this.proprietes = proprietes;
        this.delais = delais;
    }

    /** One line of the file, field by field in the schema's order. */
    public record Ligne(String nomAttribuant, String idAttribuant, String dateConvention, String referenceDecision, String nomBeneficiaire,
            String idBeneficiaire, String rnaBeneficiaire, String objet, String montant, String nature, String conditionsVersement,
            String datesPeriodeVersement, String idRAE, String notificationUE, String pourcentageSubvention, String dispositifAide) {

        List<String> valeurs() {
            return List.of(nomAttribuant, idAttribuant, dateConvention, referenceDecision, nomBeneficiaire, idBeneficiaire, rnaBeneficiaire,
                    objet, montant, nature, conditionsVersement, datesPeriodeVersement, idRAE, notificationUE, pourcentageSubvention,
                    dispositifAide);
        }
    }

    /** The lines to publish: the signed conventions whose whole grant is above the publication threshold. */
    @Transactional(readOnly = true)
    public List<Ligne> lignes() {
        TemporalAmount periode = Delais.parse(delais.periodeVersement());
        List<Ligne> lignes = new ArrayList<>();
        for (ConventionSignee c : conventions.toutes()) {
            BigDecimal montant = BigDecimal.valueOf(c.montantTotal());
            // Décret n° 2017-779, art. 1: only grants whose amount exceeds 23,000 € must be published. Every
            // Fabrique receives 75,000 € at least, but the rule stays written rather than assumed.
            if (montant.compareTo(proprietes.seuilPublication()) <= 0) {
                continue;
            }
            lignes.add(ligne(c, montant, periode));
        }
        return lignes;
    }

    /** The file: a header line then {@link #lignes()}. */
    @Transactional(readOnly = true)
    public void ecrire(Writer sortie) {
        try (CSVPrinter csv = new CSVPrinter(sortie, FORMAT)) {
            for (Ligne l : lignes()) {
                csv.printRecord(l.valeurs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Ligne ligne(ConventionSignee c, BigDecimal montant, TemporalAmount periode) {
        List<LocalDate> dates = c.anneesVersement().stream().map(annee -> dateVersement(c, annee, periode)).toList();
        String periodeVersement;
        if (dates.isEmpty()) {
            // No schedule (convention ended before it was drawn up): the convention's own date.
            periodeVersement = jour(c.signeeEtatLe()).toString();
        } else if (dates.size() == 1) {
            periodeVersement = dates.get(0).toString();
        } else {
            periodeVersement = dates.get(0) + "/" + dates.get(dates.size() - 1);
        }
        return new Ligne(proprietes.nomAttribuant(), proprietes.idAttribuant(), jour(c.signeeEtatLe()).toString(), "CONV-" + c.numero(),
                texte(c.raisonSociale(), 200), c.siret(), "", objet(c), montant.setScale(2).toPlainString(), "aide en numéraire",
                dates.size() > 1 ? "échelonné" : "unique", periodeVersement, "", "non", "1.00", proprietes.dispositifAide());
    }

    /**
     * When the convention pays year {@code annee}: year 1 on the State's signature, later years on the
     * anniversaries moved by the amendments (the calendar of {@code PreparerVersement}).
     */
    private static LocalDate dateVersement(ConventionSignee c, int annee, TemporalAmount periode) {
        Instant date = annee == 1 ? c.signeeEtatLe()
                : CalendrierConvention.decaler(CalendrierConvention.finAnnee(c.signeeEtatLe(), periode, annee - 1), c.decalageMois());
        return jour(date);
    }

    private static LocalDate jour(Instant instant) {
        return instant.atZone(Vague.FUSEAU).toLocalDate();
    }

    /** What the grant is for, in one line below the schema's limit; the project's name is shortened if need be. */
    static String objet(ConventionSignee c) {
        String debut = "Fabrique de territoire « ";
        String fin = " » (" + c.categorie().libelle() + ", vague " + c.vague() + ") : fonctionnement du tiers-lieu sur 3 ans"
                + (c.supplementNumerique() > 0 ? ", dont soutien numérique de " + c.supplementNumerique() + " €" : "")
                + (c.avenantsAppliques() > 0 ? ", convention modifiée par " + c.avenantsAppliques() + " avenant" + (c.avenantsAppliques() > 1 ? "s" : "") : "");
        int place = LONGUEUR_MAX_OBJET - debut.length() - fin.length();
        return debut + texte(c.projetNom(), Math.max(place, 1)) + fin;
    }

    /** One line of text (no line break or control character), at most {@code max} code points, shortened with « … ». */
    static String texte(String valeur, int max) {
        String t = valeur == null ? "" : valeur.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
