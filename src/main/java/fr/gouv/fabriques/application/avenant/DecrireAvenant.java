package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.fiche.FormatsFiche;
import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the amendment in progress changes, old → new, in markdown for the forms of « Valider
 * l'avenant » and « Signer l'avenant pour l'État » (computed when they open, never stored in the
 * engine), and in one line for the timeline.
 */
@Service
public class DecrireAvenant {

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;
    private final ConventionRepository conventions;

    public DecrireAvenant(DossierRepository dossiers, AvenantRepository avenants, ConventionRepository conventions) {
        this.dossiers = dossiers;
        this.avenants = avenants;
        this.conventions = conventions;
    }

    /** The change of the amendment in progress, with who proposed it, why, and its PDFs once they exist. */
    @Transactional(readOnly = true)
    public String resumer(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Avenant a = avenants.enCours(dossierId).orElse(null);
        if (a == null) {
            return "_Aucun avenant en cours._";
        }
        StringBuilder md = new StringBuilder();
        md.append("**Avenant n°").append(a.numero()).append("** (").append(a.reference(dossier.numero())).append(") — ")
                .append(a.etat().libelle()).append("\n\n");
        md.append("- Proposé par **").append(echapper(a.proposePar())).append("** le ").append(FormatsFiche.date(a.proposeLe()))
                .append("\n");
        if (a.validePar() != null) {
            md.append("- Validé par **").append(echapper(a.validePar())).append("** le ").append(FormatsFiche.date(a.valideLe())).append("\n");
        }
        md.append("- Motif : ").append(echapper(a.motif())).append("\n");
        if (a.montants() != null) {
            MontantsAnnuels av = a.montantsAvant();
            MontantsAnnuels ap = a.montants();
            for (int annee = 1; annee <= MontantsAnnuels.NOMBRE_ANNEES; annee++) {
                md.append("- Année ").append(annee).append(" : ").append(ligne(av.annee(annee), ap.annee(annee))).append("\n");
            }
            md.append("- **Total sur trois ans** : ").append(ligne(av.total(), ap.total())).append(" (enveloppe du programme : ")
                    .append(ap.total() >= av.total() ? "+" : "−").append(PlafondsFinancement.euros(Math.abs((long) ap.total() - av.total())))
                    .append(")\n");
        }
        if (a.decalageMois() != null) {
            int actuel = conventions.decalageMois(dossierId);
            md.append("- Calendrier : dates anniversaires reportées de **").append(a.decalageMois()).append(" mois** (report total : ")
                    .append(actuel).append(" → ").append(actuel + a.decalageMois()).append(" mois)\n");
        }
        if (a.siret() != null) {
            md.append("- SIRET du bénéficiaire : ").append(a.siretAvant()).append(" → **").append(a.siret()).append("**\n");
        }
        if (a.pdfSha256() != null) {
            md.append("- [Avenant établi (PDF)](/api/agents/dossiers/").append(dossier.numero()).append("/avenants/").append(a.numero())
                    .append(") — SHA-256 `").append(a.pdfSha256()).append("`\n");
        }
        if (a.signeSha256() != null) {
            md.append("- [Avenant signé par le porteur (PDF)](/api/agents/dossiers/").append(dossier.numero()).append("/avenants/")
                    .append(a.numero()).append("/signe) — ").append(echapper(a.signatairePorteur())).append(", le ")
                    .append(FormatsFiche.date(a.signePorteurLe())).append(" — SHA-256 `").append(a.signeSha256()).append("`\n");
        }
        return md.toString();
    }

    /** « montants 50 000 € / 50 000 € / 50 000 € → 50 000 € / 40 000 € / 30 000 € ; calendrier reporté de 3 mois ; SIRET … → … ». */
    public static String changements(Avenant a) {
        List<String> parties = new ArrayList<>();
        if (a.montants() != null) {
            parties.add("montants " + montants(a.montantsAvant()) + " → " + montants(a.montants()));
        }
        if (a.decalageMois() != null) {
            parties.add("calendrier reporté de " + a.decalageMois() + " mois");
        }
        if (a.siret() != null) {
            parties.add("SIRET " + a.siretAvant() + " → " + a.siret());
        }
        return String.join(" ; ", parties);
    }

    private static String montants(MontantsAnnuels m) {
        return PlafondsFinancement.euros(m.annee1()) + " / " + PlafondsFinancement.euros(m.annee2()) + " / "
                + PlafondsFinancement.euros(m.annee3());
    }

    private static String ligne(long avant, long apres) {
        return avant == apres ? PlafondsFinancement.euros(avant) + " (inchangé)"
                : PlafondsFinancement.euros(avant) + " → **" + PlafondsFinancement.euros(apres) + "**";
    }

    private static String echapper(String texte) {
        return texte == null ? "" : texte.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
    }
}
