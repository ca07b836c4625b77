package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.application.vague.VagueSuivante;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.PublicationVague;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Arrêter les décisions »: a programme manager publishes the committee's decisions
 * of a wave. In one transaction, holding the programme's row lock: quotas and
 * envelope are checked (and enforced by the database), each dossier takes its new
 * status, its timeline says why, and its process is told. Adjourned and undecided
 * dossiers go to the next wave — and stay in this one when the programme ends before any
 * ({@link VagueSuivante}).
 */
@Service
public class PublierDecisions {

    private final VagueRepository vagues;
    private final DossierRepository dossiers;
    private final DecisionComiteRepository decisions;
    private final ClassementVague classement;
    private final ProgrammeRepository programmes;
    private final VagueSuivante vagueSuivante;
    private final ProcessusDossier processus;
    private final Journal journal;
    private final Clock horloge;

    public PublierDecisions(VagueRepository vagues, DossierRepository dossiers, DecisionComiteRepository decisions,
            ClassementVague classement, ProgrammeRepository programmes, VagueSuivante vagueSuivante, ProcessusDossier processus,
            Journal journal, Clock horloge) {
        this.vagues = vagues;
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.classement = classement;
        this.programmes = programmes;
        this.vagueSuivante = vagueSuivante;
        this.processus = processus;
        this.journal = journal;
        this.horloge = horloge;
    }

    public record Bilan(int laureats, int refuses, int ajournes, int reportes, long engagement, Programme programme) {
    }

    /** What publishing the wave's proposed decisions would commit: new laureates per category, and amounts. */
    private record Effet(List<DecisionComiteRepository.Proposition> propositions, Map<Categorie, Integer> nouveaux, long engagement) {
    }

    private Effet effet(String code) {
        Vague vague = vagues.parCode(code).orElseThrow(() -> new ErreurMetier("vague", "Vague inconnue : " + code));
        if (vague.etat() != EtatVague.CLOSE) {
            throw new ErreurMetier("vague", "La vague " + code + " est « " + vague.etat() + " » : seules les décisions d'une vague close se publient.");
        }
        List<DecisionComiteRepository.Proposition> propositions = decisions.propositions(code);
        Map<Long, Categorie> categories = new java.util.HashMap<>();
        classement.dossiersASeance(code).forEach(l -> categories.put(l.dossierId(), l.categorie()));
        Map<Categorie, Integer> nouveaux = new EnumMap<>(Categorie.class);
        long engagement = 0;
        for (DecisionComiteRepository.Proposition p : propositions) {
            if (p.decision().decision() == TypeDecision.LAUREAT) {
                nouveaux.merge(categories.get(p.decision().dossierId()), 1, Integer::sum);
                engagement += p.engagement();
            }
        }
        return new Effet(propositions, nouveaux, engagement);
    }

    /**
     * « Arrêter les décisions »: refuses at once, with the numbers, a publication that would
     * exceed a quota or the envelope as they stand. The publication itself runs later, in the
     * background, and checks again under the programme's lock.
     */
    @Transactional(readOnly = true)
    public void verifier(String code) {
        Effet e = effet(code);
        programmes.lire().engager(e.nouveaux(), e.engagement());
    }

    /**
     * Publishes, or records why not: a quota or the envelope exceeded under the programme's
     * lock (another wave published meanwhile) is not an error of the job but an outcome,
     * written on the wave (GET /api/agents/vagues) before anything else is written.
     *
     * @return the outcome recorded on the wave
     */
    @Transactional
    public PublicationVague publier(String code, String gestionnaire) {
        Effet effet = effet(code);
        Programme avant;
        Programme apres;
        try {
            // The lock serialises concurrent publications; the domain refuses with the numbers, the database would anyway.
            avant = programmes.verrouiller();
            apres = avant.engager(effet.nouveaux(), effet.engagement());
        } catch (ErreurMetier refus) {
            PublicationVague refusee = PublicationVague.refusee(code, gestionnaire, horloge.instant(), refus.getMessage());
            vagues.enregistrerPublication(refusee);
            return refusee;
        }
        programmes.noterEtatAvantPublication(code, avant, horloge.instant());
        Bilan bilan = publierSousVerrou(code, gestionnaire, effet, apres);
        return PublicationVague.publiee(code, gestionnaire, horloge.instant(), bilan.laureats(), bilan.refuses(), bilan.ajournes(),
                bilan.reportes(), bilan.engagement());
    }

    private Bilan publierSousVerrou(String code, String gestionnaire, Effet effet, Programme apres) {
        Vague vague = vagues.parCode(code).orElseThrow();
        List<DecisionComiteRepository.Proposition> propositions = effet.propositions();
        Map<Categorie, Integer> nouveaux = effet.nouveaux();
        long engagement = effet.engagement();
        programmes.enregistrer(apres);

        Instant maintenant = horloge.instant();
        Suivante suivante = new Suivante(vague);
        int refuses = 0;
        int ajournes = 0;
        Set<Long> decides = new HashSet<>();
        Map<Long, String> numeros = new java.util.HashMap<>();
        List<Dossier> aEcrire = new java.util.ArrayList<>();
        List<Journal.Note> notes = new java.util.ArrayList<>();
        // The decided dossiers in one query, not one each.
        Map<Long, Dossier> charges = new java.util.HashMap<>();
        dossiers.parIds(propositions.stream().map(p -> p.decision().dossierId()).toList()).forEach(x -> charges.put(x.id(), x));
        for (DecisionComiteRepository.Proposition p : propositions) {
            DecisionComite d = p.decision();
            Dossier dossier = charges.get(d.dossierId());
            if (dossier == null) {
                dossier = dossiers.exiger(d.dossierId());
            }
            decides.add(dossier.id());
            numeros.put(dossier.id(), dossier.numero());
            String versVague = null;
            switch (d.decision()) {
                case LAUREAT -> dossier.passerA(StatutDossier.LAUREAT, maintenant);
                case REFUSE -> {
                    dossier.passerA(StatutDossier.REFUSE, maintenant);
                    refuses++;
                }
                case AJOURNE -> {
                    dossier.passerA(StatutDossier.AJOURNE, maintenant);
                    // After the programme's end there is no next wave: the dossier stays adjourned in this one.
                    versVague = suivante.code();
                    if (versVague != null) {
                        dossier.rattacherA(versVague, maintenant);
                    }
                    ajournes++;
                }
            }
            aEcrire.add(dossier);
            if (versVague != null) {
                processus.vagueChangee(dossier.numero(), versVague);
            }
            notes.add(new Journal.Note(dossier, TypeEvenement.DECISION_COMITE, libelle(d, versVague, code), true, d.decidePar(), maintenant));
        }
        // Written together (a few JDBC batches instead of five statements per dossier), in this transaction, before anything reads them.
        dossiers.mettreAJourTous(aEcrire);
        journal.noterTous(notes);
        decisions.publier(code, gestionnaire, maintenant);

        int reportes = 0;
        for (ClassementVague.Ligne l : classement.dossiersASeance(code)) {
            if (!decides.contains(l.dossierId())) {
                Dossier dossier = dossiers.exiger(l.dossierId());
                String versVague = suivante.code();
                if (versVague == null) {
                    journal.noter(dossier.id(), TypeEvenement.REPORT_VAGUE, "Le comité de la vague " + code + " n'a pas statué sur ce dossier "
                            + "et aucune vague ne suit : " + suivante.raison(), true, "système", maintenant);
                    continue;
                }
                dossier.rattacherA(versVague, maintenant);
                dossiers.mettreAJour(dossier);
                processus.vagueChangee(dossier.numero(), versVague);
                journal.noter(dossier.id(), TypeEvenement.REPORT_VAGUE, "Le comité de la vague " + code
                        + " n'a pas statué sur ce dossier : il est présenté au comité de la vague " + versVague, true, "système", maintenant);
                reportes++;
            }
        }
        vagues.changerEtat(code, EtatVague.DELIBEREE);
        for (DecisionComiteRepository.Proposition p : propositions) {
            processus.decisionPubliee(numeros.get(p.decision().dossierId()), p.decision().decision());
        }
        int laureats = nouveaux.values().stream().mapToInt(Integer::intValue).sum();
        vagues.enregistrerPublication(PublicationVague.publiee(code, gestionnaire, maintenant, laureats, refuses, ajournes, reportes, engagement));
        return new Bilan(laureats, refuses, ajournes, reportes, engagement, apres);
    }

    /** The next wave, looked up (and opened if need be) once, the first time a dossier needs it. */
    private final class Suivante {
        private final Vague vague;
        private java.util.Optional<Vague> trouvee;

        Suivante(Vague vague) {
            this.vague = vague;
        }

        /** The next wave's code, or null when the programme ends before any. */
        String code() {
            if (trouvee == null) {
                trouvee = vagueSuivante.de(vague);
            }
            return trouvee.map(Vague::code).orElse(null);
        }

        String raison() {
            return vagueSuivante.sansSuite(vague);
        }
    }

    private String libelle(DecisionComite d, String suivante, String code) {
        return switch (d.decision()) {
            case LAUREAT -> "Décision du comité : lauréat, " + PlafondsFinancement.euros(d.montants().total()) + " sur 3 ans ("
                    + PlafondsFinancement.euros(d.montants().annee1()) + ", " + PlafondsFinancement.euros(d.montants().annee2()) + ", "
                    + PlafondsFinancement.euros(d.montants().annee3()) + ")" + (d.motivation() == null ? "" : ". " + d.motivation());
            case REFUSE -> "Décision du comité : refusé. Motivation : " + d.motivation();
            case AJOURNE -> "Décision du comité : ajourné, " + (suivante != null ? "présenté au comité de la vague " + suivante
                    : "sans vague suivante : " + vagueSuivante.sansSuite(vagues.parCode(code).orElseThrow()))
                    + (d.motivation() == null ? "" : ". " + d.motivation());
        };
    }
}
