package fr.gouv.fabriques.application.pilotage;

import fr.gouv.fabriques.application.port.PilotageRepository;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.TachesEnRetard;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.NomsTerritoires;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The figures of the Cockpit « Programme » page ({@link Pilotage}), read in one consistent snapshot. */
@Service
public class ConsulterPilotage {

    /** Overdue tasks listed per group (all are counted): enough to act on, short enough for a page. */
    static final int TACHES_LISTEES_PAR_GROUPE = 20;

    private final ProgrammeRepository programmes;
    private final PilotageRepository chiffres;
    private final TachesEnRetard retards;
    private final VagueRepository vagues;
    private final Clock horloge;

    public ConsulterPilotage(ProgrammeRepository programmes, PilotageRepository chiffres, TachesEnRetard retards, VagueRepository vagues,
            Clock horloge) {
        this.programmes = programmes;
        this.chiffres = chiffres;
        this.retards = retards;
        this.vagues = vagues;
        this.horloge = horloge;
    }

    /** The perimeter asked for, checked: a known wave code, a call's name; both optional. 422 naming the parameter otherwise. */
    @Transactional(readOnly = true)
    public Perimetre perimetre(String vague, String appel) {
        List<Violation> erreurs = new ArrayList<>();
        String codeVague = vague == null || vague.isBlank() ? null : vague.strip();
        if (codeVague != null && (codeVague.length() > 32 || vagues.parCode(codeVague).isEmpty())) {
            erreurs.add(new Violation("vague", "vague inconnue : code d'une vague attendu (GET /api/agents/vagues)"));
        }
        Appel a = null;
        if (appel != null && !appel.isBlank()) {
            try {
                a = Appel.valueOf(appel.strip());
            } catch (IllegalArgumentException e) {
                erreurs.add(new Violation("appel", "appel attendu : FABRIQUES_TERRITOIRE ou FABRIQUES_NUMERIQUES"));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreursValidation(erreurs);
        }
        return new Perimetre(codeVague, a);
    }

    // REPEATABLE READ: the sections agree with each other (a payment issued meanwhile is in all of them or none).
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Pilotage consulter(Perimetre perimetre) {
        Instant maintenant = horloge.instant();
        Programme programme = programmes.lire();
        LienListeDossiers base = perimetre.filtre();
        return new Pilotage(maintenant, perimetre, programme.totalFabriques(), quotas(programme), enveloppe(programme, perimetre, base),
                pipeline(perimetre, base), geographie(perimetre, base), delais(perimetre), retards(maintenant), true);
    }

    private static List<Pilotage.Quota> quotas(Programme p) {
        List<Pilotage.Quota> quotas = new ArrayList<>();
        for (Categorie c : Categorie.values()) {
            // The programme's counters, all waves: the link is not restricted to the perimeter either.
            quotas.add(new Pilotage.Quota(c.name(), c.libelle(), p.quotas().get(c), p.laureats().get(c), p.placesRestantes(c),
                    LienListeDossiers.tous().categorie(c.name()).laureats().lien()));
        }
        return quotas;
    }

    private Pilotage.Enveloppe enveloppe(Programme p, Perimetre perimetre, LienListeDossiers base) {
        PilotageRepository.Flux flux = chiffres.flux(perimetre);
        return new Pilotage.Enveloppe(p.enveloppe(), p.engage(), flux.verse(), flux.recouvre(), flux.libere(), p.enveloppeRestante(),
                LienListeDossiers.tous().laureats().lien(),
                base.statuts(StatutsEnveloppe.VERSES).lien(),
                base.statuts(StatutsEnveloppe.RECOUVRES).lien(),
                base.statuts(StatutsEnveloppe.LIBERES).lien());
    }

    private Pilotage.Pipeline pipeline(Perimetre perimetre, LienListeDossiers base) {
        Map<String, Long> parStatut = new LinkedHashMap<>();
        chiffres.parStatut(perimetre).forEach(c -> parStatut.put(c.cle(), c.nombre()));
        List<Pilotage.Compte> statuts = new ArrayList<>();
        long total = 0;
        for (StatutDossier s : StatutDossier.values()) {
            long n = parStatut.getOrDefault(s.name(), 0L);
            total += n;
            statuts.add(new Pilotage.Compte(s.name(), s.libelle(), n, base.statut(s).lien()));
        }
        List<Pilotage.CompteVague> vagues = chiffres.parVague(perimetre, LienListeDossiers.LAUREATS).stream()
                .map(v -> new Pilotage.CompteVague(v.code(), v.appel(), v.etat(), v.dateLimite(), v.nombre(), v.laureats(),
                        base.vague(v.code()).lien(), base.vague(v.code()).laureats().lien()))
                .toList();
        Map<String, Long> parAppel = new LinkedHashMap<>();
        chiffres.parAppel(perimetre, LienListeDossiers.LAUREATS).forEach(c -> parAppel.put(c.cle(), c.nombre()));
        List<Pilotage.Compte> appels = new ArrayList<>();
        for (Appel a : Appel.values()) {
            if (perimetre.appel() == null || perimetre.appel() == a) {
                appels.add(new Pilotage.Compte(a.name(), a.libelle(), parAppel.getOrDefault(a.name(), 0L), base.appel(a.name()).lien()));
            }
        }
        return new Pilotage.Pipeline(total, base.lien(), statuts, vagues, appels);
    }

    private Pilotage.Geographie geographie(Perimetre perimetre, LienListeDossiers base) {
        List<Pilotage.Territoire> regions = chiffres.parRegion(perimetre, LienListeDossiers.LAUREATS).stream()
                .map(r -> new Pilotage.Territoire(r.cle(), NomsTerritoires.region(r.cle()), r.cle(), NomsTerritoires.region(r.cle()),
                        r.nombre(), r.laureats(),
                        base.region(r.cle()).lien(), base.region(r.cle()).laureats().lien()))
                .toList();
        List<Pilotage.Territoire> departements = chiffres.parDepartement(perimetre, LienListeDossiers.LAUREATS).stream()
                .map(d -> new Pilotage.Territoire(d.departement(), NomsTerritoires.departement(d.departement()), d.region(),
                        NomsTerritoires.region(d.region()), d.nombre(), d.laureats(),
                        base.departement(d.departement()).lien(), base.departement(d.departement()).laureats().lien()))
                .toList();
        return new Pilotage.Geographie(regions, departements);
    }

    private List<Pilotage.Delai> delais(Perimetre perimetre) {
        Map<String, PilotageRepository.Duree> parEtape = new LinkedHashMap<>();
        chiffres.durees(perimetre).forEach(d -> parEtape.put(d.etape(), d));
        List<Pilotage.Delai> delais = new ArrayList<>();
        for (EtapeDelai e : EtapeDelai.values()) {
            PilotageRepository.Duree d = parEtape.get(e.name());
            delais.add(d == null ? new Pilotage.Delai(e.name(), e.libelle(), 0, null, null)
                    : new Pilotage.Delai(e.name(), e.libelle(), d.nombre(), arrondi(d.mediane()), arrondi(d.centile90())));
        }
        return delais;
    }

    private static Double arrondi(Double jours) {
        return jours == null ? null : Math.round(jours * 10) / 10.0;
    }

    private Pilotage.Retards retards(Instant maintenant) {
        Map<String, List<TachesEnRetard.Tache>> parGroupe = new LinkedHashMap<>();
        for (TachesEnRetard.Tache t : retards.avant(maintenant)) {
            parGroupe.computeIfAbsent(t.groupe(), g -> new ArrayList<>()).add(t);
        }
        List<Pilotage.GroupeEnRetard> groupes = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, List<TachesEnRetard.Tache>> e : parGroupe.entrySet()) {
            groupes.add(new Pilotage.GroupeEnRetard(e.getKey(), e.getValue().size(), e.getValue().stream().limit(TACHES_LISTEES_PAR_GROUPE)
                    .map(t -> new Pilotage.TacheEnRetard(t.nom(), t.echeance(), t.numero(),
                            t.numero() == null ? null : LienListeDossiers.fiche(t.numero())))
                    .toList()));
            total += e.getValue().size();
        }
        groupes.sort((a, b) -> Long.compare(b.nombre(), a.nombre()));
        return new Pilotage.Retards(total, groupes);
    }
}
