package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.RegistreVersements;
import fr.gouv.fabriques.application.port.RegistreVersements.OrdreVersement;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issued payment orders as CSV for the accounting system: one line per order,
 * « ; » separated, amounts in whole euros, dates in Paris time (ISO), UTF-8. The
 * reference is unique per convention and year, so an import can be replayed safely.
 */
@Service
public class ExporterOrdresVersement {

    static final String ENTETE = "reference;numero_dossier;siret;raison_sociale;annee;montant_euros;ordonnance_par;ordonnance_le;emis_le";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Vague.FUSEAU);

    private final RegistreVersements registre;

    public ExporterOrdresVersement(RegistreVersements registre) {
        this.registre = registre;
    }

    @Transactional(readOnly = true)
    public String csv(Instant depuis, Instant jusqua) {
        if (!depuis.isBefore(jusqua)) {
            throw new ErreursValidation("jusqua", "la fin de la période doit suivre son début");
        }
        List<OrdreVersement> ordres = registre.ordresEmis(depuis, jusqua);
        StringBuilder sb = new StringBuilder(ENTETE).append("\r\n");
        for (OrdreVersement o : ordres) {
            sb.append(champ(o.reference())).append(';').append(champ(o.numero())).append(';').append(champ(o.siret())).append(';')
                    .append(champ(o.raisonSociale())).append(';').append(o.annee()).append(';').append(o.montant()).append(';')
                    .append(champ(o.ordonnancePar())).append(';').append(ISO.format(o.ordonnanceLe())).append(';')
                    .append(ISO.format(o.emisLe())).append("\r\n");
        }
        return sb.toString();
    }

    /** RFC 4180 quoting, and no formula injection when opened in a spreadsheet. */
    static String champ(String valeur) {
        if (valeur == null) {
            return "";
        }
        String v = valeur;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
