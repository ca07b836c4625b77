package fr.gouv.fabriques.domain.simulation;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.LigneDossier;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.Mouvement;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.ParCategorie;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.Repartition;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.Synthese;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays the committee ranking of past waves, in order, twice: under the recorded outcome
 * (« avant ») and under candidate rules, quotas or envelope (« après »). Pure computation.
 *
 * <p>The ranking rule is the committee's agenda (DecrireSeance): per category, the eligible
 * scored dossiers by score, highest first, then by number. Going down each category (in
 * {@link Categorie} order), a dossier is « dans le quota » when its recommendation is not
 * défavorable, a place of the wave is left in its category and its commitment fits in what is
 * left of the envelope. The places of a wave are the laureates the committee chose in that
 * category, cumulated over the replayed waves (a place a candidate rule leaves empty goes to the
 * next wave), never more than the quota left: a candidate rule changes who comes in, the number
 * is the committee's, and a quota or an envelope changes it only where it binds. The committee
 * kept the last word: the actual decision stands beside the ranks.
 *
 * <p>Each scenario carries its own counters from wave to wave: before a wave, the laureates and
 * the commitment recorded at the time, plus what the scenario's earlier waves put within the
 * quota beyond (or short of) what the committee actually decided. An identical candidate thus
 * changes nothing; a candidate that lets one more dossier in leaves one place fewer to the next wave.
 */
public final class Rejeu {

    private Rejeu() {
    }

    /** A candidate quota per category (null: the quota of the time) and envelope (null: that of the time). */
    public record Options(Map<Categorie, Integer> quotas, Long enveloppe) {

        public static final Options AUCUNE = new Options(Map.of(), null);

        public Options {
            quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        }
    }

    private record Etat(boolean eligible, BigDecimal score, Avis recommandation, Integer rang, boolean dansQuota, boolean dejaLaureat) {
    }

    private record Resultat(Map<String, Etat> etats, Map<Categorie, int[]> places, Map<Categorie, Long> engage, Map<Categorie, Integer> quotas) {
    }

    /** One scenario's counters, carried from wave to wave. */
    private static final class Scenario {
        final Regles regles;
        final Options options;
        final Map<Categorie, Integer> ecart = new EnumMap<>(Categorie.class);
        long ecartEngagement;
        final Set<String> laureats = new HashSet<>();
        /** Laureates the committee chose so far (replayed waves) and laureates this scenario put in the quota so far. */
        final Map<Categorie, Integer> choisisParLeComite = new EnumMap<>(Categorie.class);
        final Map<Categorie, Integer> dansQuota = new EnumMap<>(Categorie.class);

        Scenario(Regles regles, Options options) {
            this.regles = regles;
            this.options = options;
        }

        Resultat jouer(VagueRejouee v) {
            Map<String, Etat> etats = new HashMap<>();
            Map<Categorie, List<DossierRejoue>> parCategorie = new EnumMap<>(Categorie.class);
            Map<String, BigDecimal> scores = new HashMap<>();
            Map<String, Avis> recommandations = new HashMap<>();
            Map<String, Boolean> eligibles = new HashMap<>();
            for (DossierRejoue d : v.dossiers()) {
                if (d.aSeance() && laureats.contains(d.numero())) {
                    etats.put(d.numero(), new Etat(true, null, null, null, false, true));
                    continue;
                }
                boolean eligible = regles.eligible(d);
                eligibles.put(d.numero(), eligible);
                BigDecimal score = d.aSeance() && eligible ? regles.score(d) : null;
                Avis recommandation = score == null ? null : regles.recommandation(d, score);
                scores.put(d.numero(), score);
                recommandations.put(d.numero(), recommandation);
                if (score != null) {
                    parCategorie.computeIfAbsent(d.categorie(), c -> new ArrayList<>()).add(d);
                }
            }
            long enveloppe = options.enveloppe() != null ? options.enveloppe() : v.enveloppe();
            long engage = v.engageAvant() + ecartEngagement;
            Map<Categorie, int[]> places = new EnumMap<>(Categorie.class);
            Map<Categorie, Long> engageParCategorie = new EnumMap<>(Categorie.class);
            Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
            Map<String, Integer> rangs = new HashMap<>();
            Set<String> dansQuota = new HashSet<>();
            for (Categorie c : Categorie.values()) {
                int quota = options.quotas().getOrDefault(c, v.quotas().getOrDefault(c, 0));
                quotas.put(c, quota);
                int choisis = (int) v.dossiers().stream().filter(d -> d.categorie() == c && d.decisionReelle() == TypeDecision.LAUREAT).count();
                int cible = choisisParLeComite.merge(c, choisis, Integer::sum) - this.dansQuota.getOrDefault(c, 0);
                int restantes = Math.max(0, Math.min(cible, quota - v.laureatsAvant().getOrDefault(c, 0) - ecart.getOrDefault(c, 0)));
                int disponibles = restantes;
                long engageCategorie = 0;
                List<DossierRejoue> classes = new ArrayList<>(parCategorie.getOrDefault(c, List.of()));
                classes.sort(Comparator.comparing((DossierRejoue d) -> scores.get(d.numero())).reversed().thenComparing(DossierRejoue::numero));
                int rang = 1;
                for (DossierRejoue d : classes) {
                    rangs.put(d.numero(), rang++);
                    if (recommandations.get(d.numero()) != Avis.DEFAVORABLE && restantes > 0 && engage + d.engagement() <= enveloppe) {
                        dansQuota.add(d.numero());
                        restantes--;
                        engage += d.engagement();
                        engageCategorie += d.engagement();
                    }
                }
                places.put(c, new int[] {disponibles, disponibles - restantes});
                this.dansQuota.merge(c, disponibles - restantes, Integer::sum);
                engageParCategorie.put(c, engageCategorie);
            }
            for (DossierRejoue d : v.dossiers()) {
                if (etats.containsKey(d.numero())) {
                    continue;
                }
                etats.put(d.numero(), new Etat(eligibles.get(d.numero()), scores.get(d.numero()), recommandations.get(d.numero()),
                        rangs.get(d.numero()), dansQuota.contains(d.numero()), false));
            }
            // Carry to the next wave what this scenario put within the quota beyond what the committee decided.
            for (DossierRejoue d : v.dossiers()) {
                boolean reel = d.decisionReelle() == TypeDecision.LAUREAT;
                boolean simule = dansQuota.contains(d.numero());
                if (simule) {
                    laureats.add(d.numero());
                }
                if (reel != simule && d.aSeance()) {
                    int sens = simule ? 1 : -1;
                    ecart.merge(d.categorie(), sens, Integer::sum);
                    ecartEngagement += sens * d.engagement();
                }
            }
            return new Resultat(etats, places, engageParCategorie, quotas);
        }
    }

    public static RapportSimulation rejouer(List<VagueRejouee> vagues, Regles candidates, Options options) {
        Scenario avant = new Scenario(Regles.ENREGISTREES, Options.AUCUNE);
        Scenario apres = new Scenario(candidates, options);
        candidates.preparer(vagues.stream().flatMap(v -> v.dossiers().stream()).toList());
        List<RapportSimulation.Vague> rapports = new ArrayList<>();
        Cumul global = new Cumul();
        for (VagueRejouee v : vagues) {
            Resultat a = avant.jouer(v);
            Resultat b = apres.jouer(v);
            Cumul cumul = new Cumul();
            List<LigneDossier> lignes = new ArrayList<>();
            int reconstituees = 0;
            for (DossierRejoue d : v.dossiers()) {
                Etat ea = a.etats().get(d.numero());
                Etat eb = b.etats().get(d.numero());
                reconstituees += d.entreesReconstituees() ? 1 : 0;
                boolean laureat = d.decisionReelle() == TypeDecision.LAUREAT;
                Mouvement mouvement = null;
                if (laureat && ea.dansQuota() && !eb.dansQuota() && !eb.dejaLaureat()) {
                    mouvement = Mouvement.SORTIRAIT;
                } else if (!laureat && !ea.dansQuota() && eb.dansQuota() && !ea.dejaLaureat()) {
                    mouvement = Mouvement.ENTRERAIT;
                }
                LigneDossier l = new LigneDossier(v.code(), d.numero(), d.structure(), d.categorie(), d.region(), d.departement(),
                        d.decisionReelle(), d.avisTerritorial(), ea.eligible(), eb.eligible(), ea.score(), eb.score(), ea.recommandation(),
                        eb.recommandation(), ea.rang(), eb.rang(), ea.dansQuota(), eb.dansQuota(), eb.dejaLaureat(), mouvement,
                        d.entreesReconstituees());
                cumul.compter(d, l);
                global.compter(d, l);
                if (l.change()) {
                    lignes.add(l);
                }
            }
            List<ParCategorie> categories = new ArrayList<>();
            for (Categorie c : Categorie.values()) {
                int reels = (int) v.dossiers().stream().filter(d -> d.categorie() == c && d.decisionReelle() == TypeDecision.LAUREAT).count();
                categories.add(new ParCategorie(c, a.quotas().get(c), b.quotas().get(c), a.places().get(c)[0], b.places().get(c)[0], reels,
                        a.places().get(c)[1], b.places().get(c)[1], a.engage().get(c), b.engage().get(c)));
            }
            global.ajouter(categories);
            rapports.add(new RapportSimulation.Vague(v.code(), v.appel().name(), v.dateComite() == null ? null : v.dateComite().toString(),
                    v.etatReconstitue(), reconstituees, cumul.synthese(categories), lignes));
        }
        return new RapportSimulation(rapports, global.synthese(global.categories()));
    }

    /** Counts of one wave, or of all. */
    private static final class Cumul {
        int rejoues;
        int changes;
        int eligibilite;
        int recommandation;
        int rang;
        int sortants;
        int entrants;
        final Map<String, int[]> regions = new TreeMap<>();
        final Map<String, int[]> departements = new TreeMap<>();
        final Map<Categorie, ParCategorie> categories = new EnumMap<>(Categorie.class);

        void compter(DossierRejoue d, LigneDossier l) {
            rejoues++;
            changes += l.change() ? 1 : 0;
            eligibilite += l.eligibiliteChange() ? 1 : 0;
            recommandation += l.recommandationChange() ? 1 : 0;
            rang += l.rangChange() ? 1 : 0;
            sortants += l.mouvement() == Mouvement.SORTIRAIT ? 1 : 0;
            entrants += l.mouvement() == Mouvement.ENTRERAIT ? 1 : 0;
            int reel = d.decisionReelle() == TypeDecision.LAUREAT ? 1 : 0;
            int apres = reel + (l.mouvement() == Mouvement.ENTRERAIT ? 1 : 0) - (l.mouvement() == Mouvement.SORTIRAIT ? 1 : 0);
            if (reel + apres > 0) {
                int[] r = regions.computeIfAbsent(d.region(), k -> new int[2]);
                r[0] += reel;
                r[1] += apres;
                int[] dep = departements.computeIfAbsent(d.departement(), k -> new int[2]);
                dep[0] += reel;
                dep[1] += apres;
            }
        }

        /** Overall: quotas as of the last wave, places and commitments summed over the waves. */
        void ajouter(List<ParCategorie> vague) {
            for (ParCategorie p : vague) {
                categories.merge(p.categorie(), p, (x, y) -> new ParCategorie(x.categorie(), y.quotaAvant(), y.quotaApres(),
                        x.placesAvant() + y.placesAvant(), x.placesApres() + y.placesApres(), x.laureatsReels() + y.laureatsReels(),
                        x.dansQuotaAvant() + y.dansQuotaAvant(), x.dansQuotaApres() + y.dansQuotaApres(), x.engageAvant() + y.engageAvant(),
                        x.engageApres() + y.engageApres()));
            }
        }

        List<ParCategorie> categories() {
            return List.copyOf(categories.values());
        }

        Synthese synthese(List<ParCategorie> parCategorie) {
            long avant = parCategorie.stream().mapToLong(ParCategorie::engageAvant).sum();
            long apres = parCategorie.stream().mapToLong(ParCategorie::engageApres).sum();
            return new Synthese(rejoues, changes, eligibilite, recommandation, rang, sortants, entrants, avant, apres, parCategorie,
                    repartition(regions), repartition(departements));
        }

        private static List<Repartition> repartition(Map<String, int[]> m) {
            return m.entrySet().stream().map(e -> new Repartition(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        }
    }
}
