package fr.gouv.fabriques.application.simulation;

import fr.gouv.fabriques.application.instruction.EvaluerEligibilite;
import fr.gouv.fabriques.application.port.EcritureHistorique;
import fr.gouv.fabriques.application.port.EcritureHistorique.DecisionEcrite;
import fr.gouv.fabriques.application.port.EcritureHistorique.DossierEcrit;
import fr.gouv.fabriques.application.port.EcritureHistorique.Historique;
import fr.gouv.fabriques.application.port.EcritureHistorique.Reequilibrage;
import fr.gouv.fabriques.application.port.EcritureHistorique.VagueEcrite;
import fr.gouv.fabriques.application.port.GrilleNotation;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.TablesCandidates;
import fr.gouv.fabriques.application.port.VersionDecision;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.CalendrierVagues;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.simulation.DossierRejoue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Historique de démonstration »: with {@code fabriques.demo.historique=true} (demo mode only, off by
 * default), seeds the programme's real history on the demo calendar ({@link fr.gouv.fabriques.application.vague.CalendrierDemo}):
 * 8 deliberated waves, 2019 to 2021, whose committees chose 30, 80, 60, 19, 29, 35, 27 and 20 laureates (300 in
 * all; the Fabriques numériques wave of 15/10/2019 first, as in the calendar), with the QPV quota rebalanced to
 * 118 + 32 between the first two. Dossiers are generated from a seed (same seed, same history): inputs, the
 * referent's opinion and six scores vary; eligibility, score and recommendation come from the deployed tables
 * (evaluated in memory), and each committee takes, per category, the best ranked non-défavorable dossiers,
 * refuses the others (the two numériques ranked 31 and 32 are adjourned, then chosen by the next wave once the
 * rebalancing gave their category two places). Written in one bulk insert (EcritureHistorique), counters included:
 * the programme is then full (300 of 300), as it was.
 */
@Component
public class HistoriqueDemo {

    private static final Logger LOG = LoggerFactory.getLogger(HistoriqueDemo.class);

    /** Communes drawn once from the reference geography, every région: outside métropoles (CC, CA), and in large towns. */
    static final List<String> COMMUNES_HORS_CENTRES = List.of("97110", "97128", "97219", "97227", "97312", "97362", "97406", "97410", "97613",
            "78297", "77457", "28377", "28167", "45145", "41058", "36045", "18006", "71316", "21373", "70106", "58115", "39511", "76034",
            "50609", "27319", "61066", "59569", "60560", "62002", "57149", "54093", "52227", "51224", "67040", "72040", "85243", "22170",
            "35117", "56198", "29090", "33055", "17289", "23141", "19175", "64279", "79122", "65367", "09331", "12095", "32199", "34038",
            "38336", "01283", "26159", "74049", "73297", "04245", "84079", "05001", "13083", "2A163", "2B287");
    static final List<String> COMMUNES_URBAINES = List.of("97124", "97109", "97230", "97205", "97310", "97302", "97404", "97402", "97610",
            "78401", "92019", "78029", "37261", "37099", "71187", "25560", "21617", "76429", "76615", "59421", "59457", "59052", "59650",
            "51600", "51454", "67204", "44035", "44047", "72003", "35206", "35250", "33449", "33096", "87202", "86031", "34244", "31149",
            "31557", "66037", "42085", "69279", "13080", "06013", "06147", "2A004");
    private static final String[] LIEUX = {"La Fabrique", "Le Tiers-Lieu", "L'Atelier partagé", "La Ruche", "Le Hangar", "La Coopérative",
        "Le Bocal", "La Manufacture", "Le Quai", "La Grange numérique", "L'Établi", "La Cordée"};
    private static final FormeJuridique[] FORMES = {FormeJuridique.ASSOCIATION, FormeJuridique.ASSOCIATION, FormeJuridique.ASSOCIATION,
        FormeJuridique.SCIC, FormeJuridique.SCOP, FormeJuridique.SOCIETE, FormeJuridique.COLLECTIVITE, FormeJuridique.EPCI, FormeJuridique.GIP};

    /**
     * One wave to seed.
     *
     * @param laureats the number the committee chooses per category
     * @param ajournes the number it adjourns per category after those, carried to the next plan's wave
     * @param quotas   the cumulative quotas when it publishes
     */
    public record PlanVague(Appel appel, LocalDate dateLimite, Map<Categorie, Integer> laureats, Map<Categorie, Integer> ajournes,
            Map<Categorie, Integer> quotas) {

        public String code() {
            return CalendrierVagues.code(appel, dateLimite);
        }
    }

    private final EcritureHistorique ecriture;
    private final TablesCandidates tables;
    private final RegleEligibilite regle;
    private final GrilleNotation grille;
    private final EvaluerEligibilite eligibilite;
    private final ReferentielGeographique geographie;
    private final ProgrammeRepository programmes;
    private final PlafondsFinancement plafonds;
    private final boolean actif;

    public HistoriqueDemo(EcritureHistorique ecriture, TablesCandidates tables, RegleEligibilite regle, GrilleNotation grille,
            EvaluerEligibilite eligibilite, ReferentielGeographique geographie, ProgrammeRepository programmes, PlafondsFinancement plafonds,
            @Value("${fabriques.mode:demo}") String mode, @Value("${fabriques.demo.historique:false}") boolean historique) {
        this.ecriture = ecriture;
        this.tables = tables;
        this.regle = regle;
        this.grille = grille;
        this.eligibilite = eligibilite;
        this.geographie = geographie;
        this.programmes = programmes;
        this.plafonds = plafonds;
        this.actif = "demo".equals(mode) && historique;
    }

    /** After the demo calendar (order 10) created the waves. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void semerAuDemarrage() {
        if (!actif) {
            return;
        }
        List<PlanVague> plans = programmeReel();
        if (ecriture.dejaSeme(plans.stream().map(PlanVague::code).toList())) {
            return;
        }
        Programme p = programmes.lire();
        if (p.totalFabriques() < 300 || p.laureats().values().stream().anyMatch(n -> n > 0) || p.engage() > 0) {
            LOG.warn("Historique de démonstration non semé : le programme a déjà des lauréats, ou moins de 300 Fabriques ({})", p);
            return;
        }
        Historique h = generer(plans, 2019, null, p);
        ecriture.ecrire(h);
        LOG.info("Mode démo : historique semé — {} vagues, {} dossiers, {} décisions du comité", h.vagues().size(), h.dossiers().size(),
                h.decisions().size());
    }

    /** The real programme, 2019–2021, on the demo calendar's waves. */
    public static List<PlanVague> programmeReel() {
        Map<Categorie, Integer> avant = quotas(150, 120, 30);
        Map<Categorie, Integer> apres = quotas(150, 118, 32);
        List<PlanVague> plans = new ArrayList<>();
        plans.add(new PlanVague(Appel.FABRIQUES_NUMERIQUES, LocalDate.of(2019, 10, 15), quotas(0, 0, 30), quotas(0, 0, 2), avant));
        int[] fdt = {78, 60, 19, 29, 35, 27, 20};
        LocalDate[] dates = {LocalDate.of(2019, 12, 30), LocalDate.of(2020, 3, 30), LocalDate.of(2020, 6, 30), LocalDate.of(2020, 9, 30),
            LocalDate.of(2020, 12, 30), LocalDate.of(2021, 3, 30), LocalDate.of(2021, 6, 30)};
        int cumul = 0;
        int hgcCumul = 0;
        for (int i = 0; i < fdt.length; i++) {
            cumul += fdt[i];
            int hgc = Math.round(cumul * 150f / 268) - hgcCumul;
            hgcCumul += hgc;
            plans.add(new PlanVague(Appel.FABRIQUES_TERRITOIRE, dates[i], quotas(hgc, fdt[i] - hgc, i == 0 ? 2 : 0), quotas(0, 0, 0), apres));
        }
        return plans;
    }

    static Map<Categorie, Integer> quotas(int hgc, int qpv, int num) {
        Map<Categorie, Integer> m = new EnumMap<>(Categorie.class);
        m.put(Categorie.HORS_GRANDS_CENTRES, hgc);
        m.put(Categorie.QPV, qpv);
        m.put(Categorie.NUMERIQUE_QPV, num);
        return m;
    }

    /**
     * Generates the history of these waves, deterministic for a seed.
     *
     * @param prefixeNumeros prefix of the dossiers' numbers (null: the call's, « FDT-2020-0042 »)
     * @param depart         the programme's counters before the first wave
     */
    public Historique generer(List<PlanVague> plans, long graine, String prefixeNumeros, Programme depart) {
        Random hasard = new Random(graine);
        TablesCandidates.Candidates deployees = tables.dernieres();
        VersionDecision vEligibilite = regle.evaluer(new RegleEligibilite.FaitsEligibilite("FABRIQUES_TERRITOIRE", "QPV", 100_000, 40_000, true,
                "ASSOCIATION", "CA")).decision();
        Map<Categorie, GrilleNotation.Ponderation> ponderations = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            ponderations.put(c, grille.ponderation(c));
        }
        VersionDecision vRecommandation = grille.recommander(BigDecimal.valueOf(60)).version();
        Map<String, Commune> communes = new HashMap<>();
        for (String code : concat(COMMUNES_HORS_CENTRES, COMMUNES_URBAINES)) {
            geographie.commune(code).ifPresent(c -> communes.put(code, c));
        }
        List<Commune> horsCentres = COMMUNES_HORS_CENTRES.stream().filter(communes::containsKey).map(communes::get)
                .filter(c -> !"METRO".equals(c.typeEpci()) && !"MET69".equals(c.typeEpci())).toList();
        List<Commune> urbaines = COMMUNES_URBAINES.stream().filter(communes::containsKey).map(communes::get).toList();

        Map<String, Integer> compteurs = new HashMap<>();
        List<VagueEcrite> vagues = new ArrayList<>();
        Map<String, DossierEcrit> dossiers = new LinkedHashMap<>();
        List<DecisionEcrite> decisions = new ArrayList<>();
        List<DossierEcrit> reportes = new ArrayList<>();
        Programme programme = depart;
        Reequilibrage reequilibrage = null;
        long siren = 700_000_000L + Math.floorMod(graine, 90) * 1_000_000L;
        for (PlanVague plan : plans) {
            Vague vague = CalendrierVagues.vague(plan.appel(), plan.dateLimite(), fr.gouv.fabriques.domain.EtatVague.DELIBEREE);
            Instant publiee = ZonedDateTime.of(vague.dateComite(), LocalTime.of(17, 0), Vague.FUSEAU).toInstant();
            Map<Categorie, Integer> quotas = plan.quotas();
            if (!quotas.equals(programme.quotas())) {
                // The rebalancing happened between the previous publication and this one.
                Categorie de = null;
                Categorie vers = null;
                int nombre = 0;
                for (Categorie c : Categorie.values()) {
                    int d = quotas.get(c) - programme.quotas().get(c);
                    if (d < 0) {
                        de = c;
                    } else if (d > 0) {
                        vers = c;
                        nombre = d;
                    }
                }
                if (de != null && vers != null) {
                    reequilibrage = new Reequilibrage(de, vers, nombre, "Rééquilibrage du quota QPV au profit des Fabriques numériques "
                            + "(historique de démonstration)", publiee.minusSeconds(30L * 24 * 3600));
                    programme = programme.reequilibrer(de, vers, nombre);
                }
            }
            Programme avant = programme;
            List<DossierEcrit> aSeance = new ArrayList<>(reportes);
            reportes = new ArrayList<>();
            List<DossierEcrit> irrecevables = new ArrayList<>();
            for (Categorie c : Categorie.values()) {
                int k = plan.laureats().getOrDefault(c, 0) + plan.ajournes().getOrDefault(c, 0);
                if (k == 0 || c.appel() != plan.appel()) {
                    continue;
                }
                for (int i = 0; i < k * 7 + 3; i++) {
                    DossierEcrit d = dossier(hasard, plan, vague, c, numero(compteurs, prefixeNumeros, plan), String.format("%09d%05d", siren++, 12),
                            c == Categorie.HORS_GRANDS_CENTRES ? horsCentres : urbaines, false, deployees, vEligibilite, ponderations,
                            vRecommandation);
                    (d.motifsIrrecevabilite() == null ? aSeance : irrecevables).add(d);
                }
                for (int i = 0; i < k + 1; i++) {
                    irrecevables.add(dossier(hasard, plan, vague, c, numero(compteurs, prefixeNumeros, plan), String.format("%09d%05d", siren++, 12),
                            c == Categorie.HORS_GRANDS_CENTRES ? horsCentres : urbaines, true, deployees, vEligibilite, ponderations,
                            vRecommandation));
                }
            }
            irrecevables.forEach(d -> dossiers.put(d.numero(), d));
            int laureats = 0;
            int refuses = 0;
            int ajournes = 0;
            long engagementVague = 0;
            Map<Categorie, Integer> nouveaux = new EnumMap<>(Categorie.class);
            for (Categorie c : Categorie.values()) {
                List<DossierEcrit> classes = aSeance.stream().filter(d -> d.categorie() == c)
                        .sorted(Comparator.comparing(DossierEcrit::score).reversed().thenComparing(DossierEcrit::numero)).toList();
                int aRetenir = plan.laureats().getOrDefault(c, 0);
                int aAjourner = plan.ajournes().getOrDefault(c, 0);
                for (DossierEcrit d : classes) {
                    TypeDecision decision;
                    String motivation = null;
                    String statut;
                    if (d.recommandation() != Avis.DEFAVORABLE && aRetenir > 0) {
                        decision = TypeDecision.LAUREAT;
                        statut = "LAUREAT";
                        aRetenir--;
                    } else if (d.recommandation() != Avis.DEFAVORABLE && aAjourner > 0) {
                        decision = TypeDecision.AJOURNE;
                        statut = "AJOURNE";
                        motivation = "Quota de la catégorie atteint : dossier ajourné à la vague suivante.";
                        aAjourner--;
                    } else {
                        decision = TypeDecision.REFUSE;
                        statut = "REFUSE";
                        motivation = d.recommandation() == Avis.DEFAVORABLE ? "Recommandation défavorable de l'instruction."
                                : "Rang insuffisant au regard des places de la vague.";
                    }
                    long engagement = decision == TypeDecision.LAUREAT ? plafonds.engagement(d.montantsProposes(), c) : 0;
                    decisions.add(new DecisionEcrite(d.numero(), vague.code(), decision, decision == TypeDecision.LAUREAT ? d.montantsProposes() : null,
                            motivation, engagement, publiee.minusSeconds(3600)));
                    DossierEcrit apres = avecStatut(d, statut, vague.code(), publiee);
                    dossiers.put(d.numero(), apres);
                    switch (decision) {
                        case LAUREAT -> {
                            laureats++;
                            engagementVague += engagement;
                            nouveaux.merge(c, 1, Integer::sum);
                        }
                        case REFUSE -> refuses++;
                        case AJOURNE -> {
                            ajournes++;
                            reportes.add(apres);
                        }
                    }
                }
                if (aRetenir > 0) {
                    throw new IllegalStateException("Historique de démonstration : pas assez de dossiers favorables en " + c + " pour " + vague.code());
                }
            }
            programme = programme.engager(nouveaux, engagementVague);
            vagues.add(new VagueEcrite(vague.code(), plan.appel(), vague.dateLimite(), vague.dateComite(), publiee, avant, laureats, refuses,
                    ajournes, engagementVague));
        }
        // An adjourned dossier is on its last wave.
        List<DossierEcrit> finaux = new ArrayList<>();
        for (DossierEcrit d : dossiers.values()) {
            finaux.add(d);
        }
        return new Historique(vagues, finaux, decisions, reequilibrage, programme);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private static String numero(Map<String, Integer> compteurs, String prefixe, PlanVague plan) {
        String p = (prefixe == null ? plan.appel().prefixe() : prefixe) + "-" + plan.dateLimite().getYear();
        return p + "-" + String.format("%04d", compteurs.merge(p, 1, Integer::sum));
    }

    private static DossierEcrit avecStatut(DossierEcrit d, String statut, String vague, Instant le) {
        String vagueFinale = "AJOURNE".equals(statut) ? null : vague;
        return new DossierEcrit(d.numero(), d.appel(), vagueFinale == null ? d.vague() : vagueFinale, d.categorie(), d.raisonSociale(), d.siret(),
                d.formeJuridique(), d.commune(), d.codeInsee(), d.codePostal(), d.departement(), d.region(), d.codeQpv(), d.projet(),
                d.montantsDemandes(), statut, d.deposeLe(), le, d.entreesEligibilite(), d.motifsIrrecevabilite(), d.versionEligibilite(),
                d.avisTerritorial(), d.notes(), d.poids(), d.score(), d.recommandation(), d.montantsProposes(), d.versionPoids(),
                d.versionRecommandation(), d.instruitLe());
    }

    private DossierEcrit dossier(Random h, PlanVague plan, Vague vague, Categorie c, String numero, String siret, List<Commune> lieux,
            boolean horsRegles, TablesCandidates.Candidates deployees, VersionDecision vEligibilite,
            Map<Categorie, GrilleNotation.Ponderation> ponderations, VersionDecision vRecommandation) {
        Commune commune = lieux.get(h.nextInt(lieux.size()));
        int a1 = 25_000 + 1_000 * h.nextInt(26);
        int a2 = 25_000 + 1_000 * h.nextInt(26);
        int a3 = 25_000 + 1_000 * h.nextInt(26);
        FormeJuridique forme = FORMES[h.nextInt(FORMES.length)];
        if (horsRegles) {
            // Not eligible under the deployed table: one of its rules, varied.
            switch (h.nextInt(3)) {
                case 0 -> a1 = 60_000 + 1_000 * h.nextInt(20);
                case 1 -> forme = FormeJuridique.ENTREPRISE_INDIVIDUELLE;
                default -> {
                    a1 = 20_000;
                    a2 = 20_000;
                    a3 = 20_000;
                }
            }
        }
        MontantsAnnuels demandes = new MontantsAnnuels(a1, a2, a3);
        String codeQpv = c.exigeCodeQpv() ? "QN0" + commune.departement().replace("A", "0").replace("B", "0") + String.format("%03d", 1 + h.nextInt(40))
                : null;
        if (codeQpv != null && codeQpv.length() > 16) {
            codeQpv = codeQpv.substring(0, 16);
        }
        Map<String, Object> entrees = new LinkedHashMap<>(eligibilite.faits(plan.appel(), c, demandes, codeQpv, forme, commune.code()).variables());
        entrees.putAll(plafonds.variables());
        Instant depose = vague.dateLimite().minusSeconds(3600L * 24 * (3 + h.nextInt(60)));
        Instant instruit = vague.dateLimite().plusSeconds(3600L * 24 * (3 + h.nextInt(20)));
        Avis avis = new Avis[] {Avis.FAVORABLE, Avis.FAVORABLE, Avis.FAVORABLE, Avis.RESERVE, Avis.RESERVE, Avis.DEFAVORABLE}[h.nextInt(6)];
        // The referent's opinion and the scores go together, loosely: a favourable referent, a better dossier on average.
        int biais = avis == Avis.FAVORABLE ? 1 : avis == Avis.DEFAVORABLE ? -1 : 0;
        Map<Critere, Integer> notes = new EnumMap<>(Critere.class);
        for (Critere k : Critere.values()) {
            notes.put(k, Math.max(0, Math.min(5, 3 + biais + (int) Math.round(h.nextGaussian() * 1.2))));
        }
        DossierRejoue essai = new DossierRejoue(0, numero, "", c, commune.region(), commune.departement(), entrees, false, true, notes, null, null,
                avis, true, null, 0);
        boolean eligible = deployees.eligible(essai);
        BigDecimal score = eligible ? deployees.score(essai) : null;
        Avis recommandation = eligible ? deployees.recommandation(essai, score) : null;
        MontantsAnnuels proposes = new MontantsAnnuels(arrondi(a1 * (90 + h.nextInt(11)) / 100), arrondi(a2 * (90 + h.nextInt(11)) / 100),
                arrondi(a3 * (90 + h.nextInt(11)) / 100));
        if (proposes.total() < plafonds.plancherTotal()) {
            proposes = demandes;
        }
        String nom = LIEUX[h.nextInt(LIEUX.length)] + " de " + commune.nom();
        return new DossierEcrit(numero, plan.appel(), vague.code(), c, nom.length() > 190 ? nom.substring(0, 190) : nom, siret, forme.name(),
                commune.nom(), commune.code(), commune.codesPostaux().isEmpty() ? "00000" : commune.codesPostaux().get(0), commune.departement(),
                commune.region(), codeQpv, "Tiers-lieu " + (c.estNumerique() ? "numérique " : "") + "à " + commune.nom(), demandes,
                eligible ? "INSTRUIT" : "IRRECEVABLE", depose, instruit, entrees, eligible ? null : "Non recevable selon la table d'éligibilité",
                vEligibilite, eligible ? avis : null, eligible ? notes : null, ponderations.get(c).poids(), score, recommandation,
                eligible ? proposes : null, ponderations.get(c).version(), vRecommandation, eligible ? instruit : null);
    }

    private static int arrondi(int montant) {
        return montant / 500 * 500;
    }
}
