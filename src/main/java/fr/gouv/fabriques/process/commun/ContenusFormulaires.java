package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.vague.ConsulterVagues;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.application.convention.DecrireDocumentsConvention;
import fr.gouv.fabriques.application.instruction.ResumerInstruction;
import fr.gouv.fabriques.application.piece.ListerPieces;
import fr.gouv.fabriques.application.versement.ConsulterBilan;
import fr.gouv.fabriques.application.versement.ResumerSuspension;
import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Versement;
import fr.gouv.fabriques.application.fiche.ConsulterFicheDossier;
import fr.gouv.fabriques.application.fiche.FicheDossier;
import fr.gouv.fabriques.application.fiche.FicheMarkdown;
import fr.gouv.fabriques.application.fiche.PartieFiche;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.process.convention.ConventionProcess;
import fr.gouv.fabriques.process.avenant.AvenantProcess;
import fr.gouv.fabriques.application.avenant.DecrireAvenant;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import fr.gouv.fabriques.process.instruction.InstructionProcess;
import fr.gouv.fabriques.process.versement.VersementProcess;
import java.util.EnumSet;
import java.util.Set;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.process.comite.ComiteVagueProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import fr.gouv.fabriques.process.commun.TachesConnues.Tache;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows that is not stored in the engine: computed from the database
 * each time the form's variables are read (Tasklist does it when a form opens), so that
 * it is always current and never limited by the engine's 4,000-character strings — the
 * dossier's sheet (the parts the task's role needs, {@link #PARTIES}), the header's
 * current wave and structure, a wave's agenda of 500 dossiers, the effect of its
 * decisions, a dossier's situation in the committee, what an amendment changes (old → new),
 * and the values a form starts from
 * (the committee's recorded decision, the instructor's previous proposal when it was sent
 * back), and the programme's figures where a form limits or shows an amount
 * ({@link PlafondsFinancement#variables()}: the forms write no figure). Added to the response of {@code GET …/task/{id}/form-variables} by
 * {@link VariablesCalculeesFilter}.
 */
@Component
public class ContenusFormulaires {

    /** The variable holding the sheet's markdown in every dossier form ({@code {{fiche}}}). */
    public static final String FICHE = "fiche";
    /**
     * The task's definition key and its process instance's business key: kept since its creation on this node
     * ({@link TachesConnues}), else in one read-only query of the engine's tables, by primary keys (the engine's own
     * commands took two queries and a command of their own for it; issue 13, doc/performance/cycle-de-vie.md). Called after
     * the engine answered the caller's form-variables: no authorization to check here, the engine has checked it; a task
     * that no longer exists gives nothing.
     */
    private Tache lire(String idTache) {
        Tache connue = connues.connue(idTache);
        if (connue != null) {
            return connue;
        }
        Tache lue = jdbc.sql("""
                select t.task_def_key_, e.business_key_
                  from act_ru_task t left join act_ru_execution e on e.id_ = t.proc_inst_id_
                 where t.id_ = ?
                """).param(idTache).query((rs, i) -> new Tache(idTache, rs.getString(1), rs.getString(2))).optional().orElse(null);
        if (lue != null && lue.cleMetier() != null) {
            connues.retenir(lue);
        }
        return lue;
    }

    /** The wave's committee date in the committee forms' header ({@code {{dateComite}}}). */
    public static final String DATE_COMITE = "dateComite";

    /** Per task, the parts of the dossier's sheet its form shows: what that role decides on. */
    public static final Map<String, Set<PartieFiche>> PARTIES = Map.ofEntries(
            Map.entry(InstructionProcess.TACHE_VERIFIER_COMPLETUDE, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.COMPLETUDE)),
            Map.entry(InstructionProcess.TACHE_AVIS_TERRITORIAL, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES)),
            Map.entry(InstructionProcess.TACHE_INSTRUIRE, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.COMPLETUDE,
                    PartieFiche.AVIS_TERRITORIAL, PartieFiche.INSTRUCTION, PartieFiche.VALIDATION)),
            Map.entry(InstructionProcess.TACHE_VALIDER_PROPOSITION, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES,
                    PartieFiche.AVIS_TERRITORIAL, PartieFiche.INSTRUCTION, PartieFiche.VALIDATION)),
            Map.entry(ComiteVagueProcess.TACHE_DECIDER_DOSSIER, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.PIECES, PartieFiche.AVIS_TERRITORIAL,
                    PartieFiche.INSTRUCTION, PartieFiche.VALIDATION, PartieFiche.COMITE)),
            Map.entry(ConventionProcess.TACHE_SIGNER_ETAT, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.COMITE, PartieFiche.CONVENTION)),
            Map.entry(VersementProcess.TACHE_ORDONNANCER, EnumSet.of(PartieFiche.COMITE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS)),
            Map.entry(VersementProcess.TACHE_VALIDER_ORDRE, EnumSet.of(PartieFiche.COMITE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                    PartieFiche.JOURNAL)),
            Map.entry(VersementProcess.TACHE_VALIDER_BILAN, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS)),
            Map.entry(DossierProcess.TACHE_DECIDER_REVERSEMENT, EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
            Map.entry(VersementProcess.TACHE_EXAMINER_REGULARISATION, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION,
                    PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
            Map.entry(VersementProcess.TACHE_ENREGISTRER_REVERSEMENT_RECU, EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                    PartieFiche.JOURNAL)),
            Map.entry(VersementProcess.TACHE_VALIDER_REVERSEMENT_RECU, EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                    PartieFiche.JOURNAL)),
            Map.entry(DossierProcess.TACHE_VALIDER_ANNULATION, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.COMITE, PartieFiche.CONVENTION,
                    PartieFiche.VERSEMENTS, PartieFiche.JOURNAL)),
            Map.entry(AvenantProcess.TACHE_VALIDER, EnumSet.of(PartieFiche.DEMANDE, PartieFiche.CONVENTION, PartieFiche.VERSEMENTS,
                    PartieFiche.JOURNAL)),
            Map.entry(AvenantProcess.TACHE_SIGNER_ETAT, EnumSet.of(PartieFiche.CONVENTION, PartieFiche.VERSEMENTS)));

    private final TaskService taches;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final DecrireSeance decrireSeance;
    private final ProposerDecisions proposerDecisions;
    private final ConsulterFicheDossier fiches;
    private final FicheMarkdown rendu;
    private final Resumes resumes;
    private final ConsulterVagues vagues;
    private final PlafondsFinancement plafonds;
    private final TachesConnues connues;

    /** The forms that limit or show the grant's amounts: they read the programme's figures from configuration. */
    static final Set<String> TACHES_MONTANTS = Set.of(InstructionProcess.TACHE_INSTRUIRE, ComiteVagueProcess.TACHE_DECIDER_DOSSIER);

    /** The use cases behind the summaries of single tasks. */
    record Resumes(ListerPieces pieces, ResumerInstruction instruction, DecrireDocumentsConvention convention, ConsulterBilan bilan,
            ResumerSuspension suspension, EtapeEnCours etape, DossierDuProcessus dossier,
            fr.gouv.fabriques.application.fin.AnnulerDossier annulation, DecrireAvenant avenant) {
    }

    ContenusFormulaires(TaskService taches, org.springframework.jdbc.core.simple.JdbcClient jdbc, DecrireSeance decrireSeance, ProposerDecisions proposerDecisions,
            ConsulterFicheDossier fiches, FicheMarkdown rendu, ListerPieces pieces, ResumerInstruction instruction,
            DecrireDocumentsConvention convention, ConsulterBilan bilan, ResumerSuspension suspension, EtapeEnCours etape,
            DossierDuProcessus dossier, ConsulterVagues vagues, PlafondsFinancement plafonds,
            fr.gouv.fabriques.application.fin.AnnulerDossier annulation, DecrireAvenant avenant, TachesConnues connues) {
        this.connues = connues;
        this.vagues = vagues;
        this.plafonds = plafonds;
        this.resumes = new Resumes(pieces, instruction, convention, bilan, suspension, etape, dossier, annulation, avenant);
        this.taches = taches;
        this.jdbc = jdbc;
        this.decrireSeance = decrireSeance;
        this.proposerDecisions = proposerDecisions;
        this.fiches = fiches;
        this.rendu = rendu;
    }

    /** The computed variables of this task's form, by name (String or Integer values); empty for a task without any. */
    public Map<String, Object> pour(String idTache) {
        return pour(idTache, nom -> null);
    }

    /**
     * The same, knowing the engine's answer to the same caller: {@code duMoteur} gives the text of a variable the engine
     * returned with the task's form variables (its local variables first), or null when it did not return it; a variable
     * the form's header needs (the dossier's number of a committee task, a wave's call) is then not read a second time.
     */
    public Map<String, Object> pour(String idTache, java.util.function.Function<String, String> duMoteur) {
        Map<String, Object> contenus = new LinkedHashMap<>();
        Tache tache = lire(idTache);
        String cleMetier = tache == null ? null : tache.cleMetier();
        if (cleMetier == null) {
            return contenus;
        }
        switch (tache.cle()) {
            case ComiteVagueProcess.TACHE_PREPARER_SEANCE -> {
                contenus.put("ordreDuJour", decrireSeance.ordreDuJour(cleMetier));
                appel(tache, duMoteur, contenus);
                dateComite(cleMetier, contenus);
            }
            case ComiteVagueProcess.TACHE_ARRETER -> {
                contenus.put("effetDesDecisions", decrireSeance.effetDesDecisions(cleMetier));
                appel(tache, duMoteur, contenus);
                dateComite(cleMetier, contenus);
            }
            case ComiteVagueProcess.TACHE_DECIDER_DOSSIER -> {
                String numero = duMoteur.apply(ComiteVagueProcess.VAR_NUMERO);
                if (numero == null) {
                    Object local = taches.getVariableLocal(tache.id(), ComiteVagueProcess.VAR_NUMERO);
                    numero = local == null ? null : local.toString();
                }
                if (numero != null) {
                    decisionDuComite(cleMetier, numero, contenus);
                }
                dateComite(cleMetier, contenus);
                if (numero != null) {
                    fiche(tache.cle(), numero, contenus);
                }
            }
            default -> {
                if (PARTIES.containsKey(tache.cle())) {
                    resume(tache, cleMetier, contenus);
                    fiche(tache.cle(), cleMetier, contenus);
                }
            }
        }
        if (TACHES_MONTANTS.contains(tache.cle())) {
            // The amounts' limits and texts (« {{plafondAnnuelEnEuros}} », "max": "=plafondAnnuel"): fabriques.financement.*.
            contenus.putAll(plafonds.variables());
        }
        return contenus;
    }

    /** The wave's committee date in the committee forms' header (« 12/05/2034 », or « non fixée »). */
    private void dateComite(String vague, Map<String, Object> contenus) {
        contenus.put(DATE_COMITE, vagues.parCode(vague).map(Vague::dateComite)
                .map(d -> d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))).orElse("non fixée"));
    }

    /** The wave's call in words (« Fabriques de territoire »), not its code, in the committee forms' header. */
    private void appel(Tache tache, java.util.function.Function<String, String> duMoteur, Map<String, Object> contenus) {
        Object appel = duMoteur.apply(ComiteVagueProcess.VAR_APPEL);
        if (appel == null) {
            appel = taches.getVariable(tache.id(), ComiteVagueProcess.VAR_APPEL);
        }
        try {
            contenus.put(ComiteVagueProcess.VAR_APPEL, fr.gouv.fabriques.domain.Appel.valueOf(String.valueOf(appel)).libelle());
        } catch (IllegalArgumentException inconnu) {
            // An unknown code is shown as it is.
        }
    }

    /** The summary a single task's form shows above its fields (the names its form reads). */
    private void resume(Tache tache, String numero, Map<String, Object> contenus) {
        long dossierId;
        try {
            dossierId = resumes.dossier().idParNumero(numero);
        } catch (DossierIntrouvable e) {
            return;
        }
        switch (tache.cle()) {
            case InstructionProcess.TACHE_VERIFIER_COMPLETUDE -> contenus.put("piecesJointes", LiensPieces.markdown(numero,
                    resumes.pieces().duDossier(dossierId)));
            case InstructionProcess.TACHE_VALIDER_PROPOSITION -> contenus.put("syntheseInstruction", resumes.instruction().resumer(dossierId));
            case ConventionProcess.TACHE_SIGNER_ETAT -> contenus.put("documentsConvention", resumes.convention().decrire(dossierId));
            case DossierProcess.TACHE_DECIDER_REVERSEMENT -> contenus.put("suspension", resumes.suspension().resumer(dossierId));
            case AvenantProcess.TACHE_VALIDER, AvenantProcess.TACHE_SIGNER_ETAT ->
                    contenus.put(AvenantProcess.VAR_MODIFICATION, resumes.avenant().resumer(dossierId));
            case VersementProcess.TACHE_VALIDER_BILAN, VersementProcess.TACHE_EXAMINER_REGULARISATION -> {
                ConsulterBilan.BilanAExaminer b = resumes.bilan().consulter(dossierId, resumes.etape().anneeBilanAttendu(dossierId));
                String commentaire = b.bilan().map(x -> LiensPieces.echapper(x.commentaire())).orElse("_Bilan non trouvé._");
                contenus.put("bilanDepose", "**Synthèse du porteur** : " + commentaire + "\n\n**Pièces du bilan** :\n\n"
                        + LiensPieces.markdown(numero, b.pieces()));
            }
            case DossierProcess.TACHE_VALIDER_ANNULATION -> contenus.put("demandeAnnulation", resumes.annulation().decrireDemande(dossierId));
            case VersementProcess.TACHE_ENREGISTRER_REVERSEMENT_RECU, VersementProcess.TACHE_VALIDER_REVERSEMENT_RECU ->
                    contenus.put("reversementOrdonne", resumes.suspension().reversementOrdonne(dossierId));
            case VersementProcess.TACHE_ORDONNANCER, VersementProcess.TACHE_VALIDER_ORDRE -> {
                Versement v = resumes.etape().versement(dossierId);
                contenus.put(VersementProcess.VAR_ANNEE, v.annee());
                contenus.put(VersementProcess.VAR_MONTANT_VERSEMENT, PlafondsFinancement.euros(v.montant()));
                contenus.put(VersementProcess.VAR_ORDONNATEUR, v.ordonnancePar() == null ? "—" : v.ordonnancePar());
                contenus.put(VersementProcess.VAR_RENVOI, v.motifRenvoi() == null ? ""
                        : "**Ordre renvoyé par le validateur** : " + LiensPieces.echapper(v.motifRenvoi()));
            }
            default -> {
            }
        }
    }

    /** The sheet's parts for this task, and the header's facts as they are now (a dossier carried to the next wave shows it). */
    private void fiche(String cleTache, String numero, Map<String, Object> contenus) {
        FicheDossier f;
        try {
            f = fiches.consulter(numero);
        } catch (DossierIntrouvable e) {
            return;
        }
        contenus.put(FICHE, rendu.rendre(f, PARTIES.get(cleTache)));
        contenus.put(Variables.STRUCTURE, f.structure().raisonSociale());
        contenus.put(Variables.VAGUE, f.demande().vague());
        contenus.put(Variables.CATEGORIE, f.demande().categorieLibelle());
        if (InstructionProcess.TACHE_INSTRUIRE.equals(cleTache) && f.instruction() != null && f.instruction().renvoyee()) {
            // Sent back by the validator: the instructor starts from his previous proposal, with the comment above it.
            for (FicheDossier.Note n : f.instruction().notes()) {
                contenus.put(Critere.valueOf(n.critere()).champ(), n.note());
            }
            if (f.instruction().montantsProposes() != null) {
                contenus.put("montantPropose1", f.instruction().montantsProposes().annee1());
                contenus.put("montantPropose2", f.instruction().montantsProposes().annee2());
                contenus.put("montantPropose3", f.instruction().montantsProposes().annee3());
            }
            if (f.instruction().motivation() != null) {
                contenus.put("motifProposition", f.instruction().motivation());
            }
        }
    }

    private void decisionDuComite(String vague, String numero, Map<String, Object> contenus) {
        contenus.put("situationDossier", decrireSeance.situationDuDossier(vague, numero));
        ClassementVague.Ligne ligne = proposerDecisions.aLOrdreDuJour(vague, numero).orElse(null);
        if (ligne == null) {
            return;
        }
        // The form starts from what is recorded: the committee's decision if any, else the instruction's proposal.
        if (ligne.decisionProposee() != null) {
            contenus.put(ComiteVagueProcess.CHAMP_DECISION, ligne.decisionProposee().name());
        }
        MontantsAnnuels m = ligne.montantsProposesParLeComite() != null ? ligne.montantsProposesParLeComite() : ligne.montantsProposes();
        if (m != null) {
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 1, m.annee1());
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 2, m.annee2());
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 3, m.annee3());
        }
        if (ligne.motivationProposee() != null) {
            contenus.put(ComiteVagueProcess.CHAMP_MOTIVATION, ligne.motivationProposee());
        }
    }
}
