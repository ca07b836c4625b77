package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.fiche.FormatsFiche;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.TypeDecision;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the committee's forms show (markdown, rendered by form-js): the wave's
 * instructed dossiers ranked by score per category with each category's remaining
 * quota and the remaining envelope; and, before publication, the effect of the
 * proposed decisions on them.
 */
@Service
public class DecrireSeance {

    private final ClassementVague classement;
    private final ProgrammeRepository programmes;
    private final DecisionComiteRepository decisions;

    public DecrireSeance(ClassementVague classement, ProgrammeRepository programmes, DecisionComiteRepository decisions) {
        this.classement = classement;
        this.programmes = programmes;
        this.decisions = decisions;
    }

    /** The wave's dossiers to decide, ranked, with the decisions already proposed if any. */
    @Transactional(readOnly = true)
    public List<ClassementVague.Ligne> dossiers(String vague) {
        return classement.dossiersASeance(vague);
    }

    @Transactional(readOnly = true)
    public String ordreDuJour(String vague) {
        List<ClassementVague.Ligne> lignes = classement.dossiersASeance(vague);
        Programme p = programmes.lire();
        StringBuilder sb = new StringBuilder();
        sb.append("**Vague ").append(vague).append("** — ").append(lignes.size()).append(" dossier(s) instruit(s). Enveloppe restante : **")
                .append(PlafondsFinancement.euros(p.enveloppeRestante())).append("** sur ").append(PlafondsFinancement.euros(p.enveloppe())).append(".\n\n");
        for (Categorie c : Categorie.values()) {
            List<ClassementVague.Ligne> cat = lignes.stream().filter(l -> l.categorie() == c).toList();
            sb.append("### ").append(c.libelle()).append("\n\n");
            sb.append("Places restantes : **").append(p.placesRestantes(c)).append("** sur un quota de ").append(p.quotas().get(c))
                    .append(" (").append(p.laureats().get(c)).append(" lauréats).\n\n");
            if (cat.isEmpty()) {
                sb.append("_Aucun dossier._\n\n");
                continue;
            }
            // A numbered list, not a table: Tasklist's form renderer (form-js) drops tables.
            int rang = 1;
            for (ClassementVague.Ligne l : cat) {
                sb.append(rang++).append(". **").append(l.numero()).append("** — ").append(echapper(l.structure()))
                        .append(" · score ").append(l.score() == null ? "—" : note(l.score()))
                        .append(" · ").append(l.recommandation() == null ? "sans recommandation" : l.recommandation().libelle())
                        .append(" · proposé ").append(l.montantsProposes() == null ? "—" : PlafondsFinancement.euros(l.montantsProposes().total()))
                        .append(" · _").append(l.decisionProposee() == null ? "à décider" : libelle(l.decisionProposee())).append("_\n");
            }
            sb.append("\n");
        }
        return sb.toString();
    }

    /**
     * What the committee reads above one dossier's decision: its rank in its category,
     * the instruction's score, recommendation and proposal, and the places and envelope
     * left — as they stand when the form opens.
     */
    @Transactional(readOnly = true)
    public String situationDuDossier(String vague, String numero) {
        List<ClassementVague.Ligne> lignes = classement.dossiersASeance(vague);
        ClassementVague.Ligne l = lignes.stream().filter(x -> x.numero().equals(numero)).findFirst().orElse(null);
        if (l == null) {
            return "_Le dossier " + numero + " n'est plus à l'ordre du jour de la vague " + vague + "._";
        }
        List<ClassementVague.Ligne> cat = lignes.stream().filter(x -> x.categorie() == l.categorie()).toList();
        Programme p = programmes.lire();
        long laureatsProposes = cat.stream().filter(x -> x.decisionProposee() == TypeDecision.LAUREAT).count();
        StringBuilder sb = new StringBuilder();
        sb.append("**Rang ").append(cat.indexOf(l) + 1).append(" sur ").append(cat.size()).append("** en ").append(l.categorie().libelle())
                .append(" · Score : **").append(l.score() == null ? "non noté" : note(l.score())).append("** · Recommandation de l'instruction : **")
                .append(l.recommandation() == null ? "—" : l.recommandation().libelle()).append("**\n\n");
        ligneMontants(sb, "Demandé", l.montantsDemandes());
        ligneMontants(sb, "Proposé par l'instruction", l.montantsProposes());
        if (l.montantsProposesParLeComite() != null) {
            ligneMontants(sb, "Décidé par le comité", l.montantsProposesParLeComite());
        }
        sb.append("\nPlaces restantes (").append(l.categorie().libelle()).append(") : **").append(p.placesRestantes(l.categorie())).append("** (quota ")
                .append(p.quotas().get(l.categorie())).append(") ; lauréats déjà retenus par cette séance : ").append(laureatsProposes)
                .append(". Enveloppe restante : **").append(PlafondsFinancement.euros(p.enveloppeRestante())).append("**.\n");
        if (l.decisionProposee() != null) {
            sb.append("\nDécision déjà enregistrée : **").append(libelle(l.decisionProposee())).append("**")
                    .append(l.motivationProposee() == null ? "" : " — " + echapper(l.motivationProposee())).append("\n");
        }
        return sb.toString();
    }

    /** « 97,1 / 100 », written as on the dossier's sheet (French decimal comma). */
    static String note(java.math.BigDecimal score) {
        return FormatsFiche.nombre(score) + " / 100";
    }

    private static void ligneMontants(StringBuilder sb, String quoi, MontantsAnnuels m) {
        if (m == null) {
            sb.append("- ").append(quoi).append(" : —\n");
            return;
        }
        sb.append("- ").append(quoi).append(" : ").append(PlafondsFinancement.euros(m.annee1())).append(" / ").append(PlafondsFinancement.euros(m.annee2()))
                .append(" / ").append(PlafondsFinancement.euros(m.annee3())).append(" (total ").append(PlafondsFinancement.euros(m.total())).append(")\n");
    }

    static String libelle(TypeDecision d) {
        return switch (d) {
            case LAUREAT -> "lauréat";
            case REFUSE -> "refusé";
            case AJOURNE -> "ajourné";
        };
    }

    /** User-typed text inside markdown: no table break, no emphasis, no link, no HTML. */
    static String echapper(String texte) {
        return texte == null ? "" : texte.replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    @Transactional(readOnly = true)
    public String effetDesDecisions(String vague) {
        Programme p = programmes.lire();
        Map<Long, Categorie> categories = new java.util.HashMap<>();
        Map<Long, String> numeros = new java.util.HashMap<>();
        classement.dossiersASeance(vague).forEach(l -> {
            categories.put(l.dossierId(), l.categorie());
            numeros.put(l.dossierId(), l.numero() + " — " + echapper(l.structure()));
        });
        Map<Categorie, Integer> nouveaux = new EnumMap<>(Categorie.class);
        long engagement = 0;
        StringBuilder lignes = new StringBuilder("**Décisions proposées**\n\n");
        for (DecisionComiteRepository.Proposition prop : decisions.propositions(vague)) {
            var d = prop.decision();
            if (d.decision() == TypeDecision.LAUREAT) {
                nouveaux.merge(categories.get(d.dossierId()), 1, Integer::sum);
                engagement += prop.engagement();
            }
            MontantsAnnuels m = d.montants();
            // A list, not a table: the motivations are long and the form pane is narrow.
            lignes.append("- **").append(numeros.getOrDefault(d.dossierId(), "?")).append("** : ").append(switch (d.decision()) {
                case LAUREAT -> "lauréat";
                case REFUSE -> "refusé";
                case AJOURNE -> "ajourné à la vague suivante";
            })
                    .append(m == null ? "" : " — " + PlafondsFinancement.euros(m.annee1()) + " / " + PlafondsFinancement.euros(m.annee2()) + " / "
                            + PlafondsFinancement.euros(m.annee3()))
                    .append(d.motivation() == null ? "" : "  \n  _" + echapper(d.motivation()) + "_").append('\n');
        }
        StringBuilder sb = new StringBuilder("**Effet de la publication**\n\n");
        for (Categorie c : Categorie.values()) {
            int apres = p.laureats().get(c) + nouveaux.getOrDefault(c, 0);
            sb.append("- ").append(c.libelle()).append(" : **").append(apres).append("** lauréats après publication, quota ")
                    .append(p.quotas().get(c)).append(apres > p.quotas().get(c) ? " — ⚠ **dépassement**" : "").append("\n");
        }
        long engageApres = p.engage() + engagement;
        sb.append("\nEngagé après publication : **").append(PlafondsFinancement.euros(engageApres)).append("** sur une enveloppe de ")
                .append(PlafondsFinancement.euros(p.enveloppe())).append(engageApres > p.enveloppe() ? " ⚠ dépassement" : "").append(".\n\n");
        return sb.append(lignes).toString();
    }
}
