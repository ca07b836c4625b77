package fr.gouv.fabriques.application.migration;

import fr.gouv.fabriques.application.port.JournalMigrations;
import fr.gouv.fabriques.application.port.JournalMigrations.MigrationJournalisee;
import fr.gouv.fabriques.application.port.VersionsProcessus;
import fr.gouv.fabriques.application.port.VersionsProcessus.Instance;
import fr.gouv.fabriques.application.port.VersionsProcessus.Plan;
import fr.gouv.fabriques.application.port.VersionsProcessus.Processus;
import fr.gouv.fabriques.application.port.VersionsProcessus.Suivi;
import fr.gouv.fabriques.domain.CaracteresControle;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager moves running instances of a process to another version of it (ADR 0016):
 * sees the versions and how many instances run on each, asks for the plan (same activities),
 * then launches it with a reason. Every launch is recorded (who, when, from which version to
 * which, how many, why) in the same transaction as the engine's batch; the report is read live.
 * Every input is untrusted: a 422 names the field.
 */
@Service
public class MigrerVersionsProcessus {

    private static final Logger LOG = LoggerFactory.getLogger(MigrerVersionsProcessus.class);
    static final int MOTIF_MIN = 10;
    static final int MOTIF_MAX = 2000;
    static final int CLES_MAX = 1000;
    private static final Pattern CLE_METIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern NUMERO_VERSION = Pattern.compile("[1-9][0-9]{0,5}");

    private final VersionsProcessus versions;
    private final JournalMigrations journal;
    private final Clock horloge;

    public MigrerVersionsProcessus(VersionsProcessus versions, JournalMigrations journal, Clock horloge) {
        this.versions = versions;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** A migration launched, and where its batch stands now. */
    public record Rapport(MigrationJournalisee migration, Suivi suivi) {
    }

    public List<Processus> processus() {
        return versions.processus();
    }

    /** The plan, checked; 422 for an unknown process or version, or malformed business keys. */
    public Plan planifier(String cle, String source, String cible, List<String> clesMetier) {
        List<Violation> v = new ArrayList<>();
        Processus p = processus(cle, v);
        Integer s = version(p, "source", source, v);
        Integer c = version(p, "cible", cible, v);
        Optional<List<String>> choisies = clesMetier(clesMetier, v);
        if (!v.isEmpty()) {
            throw new ErreursValidation(v);
        }
        return versions.planifier(p.cle(), s, c, choisies);
    }

    /**
     * Launches the plan for the instances chosen ({@code clesMetier}), or for all the running instances
     * of the source version ({@code toutes}): refused (422, nothing launched) unless the plan is valid.
     */
    @Transactional
    public Rapport lancer(String cle, String source, String cible, List<String> clesMetier, Boolean toutes, String motif, String agent) {
        List<Violation> v = new ArrayList<>();
        boolean tout = Boolean.TRUE.equals(toutes);
        boolean liste = clesMetier != null && !clesMetier.isEmpty();
        if (tout == liste) {
            v.add(new Violation(liste ? "toutes" : "clesMetier", liste
                    ? "choisissez soit des instances (clesMetier), soit toutes les instances de la version source (toutes: true), pas les deux"
                    : "choisissez les instances à migrer (clesMetier : numéros de dossier ou codes de vague) ou toutes celles de la version "
                            + "source (toutes: true)"));
        }
        String m = motif == null ? "" : motif.strip();
        if (m.length() < MOTIF_MIN || m.length() > MOTIF_MAX) {
            v.add(new Violation("motif", "dites pourquoi ces instances changent de version (" + MOTIF_MIN + " à " + MOTIF_MAX
                    + " caractères ; reçu : " + m.length() + ") : le motif est gardé au journal des migrations"));
        } else {
            CaracteresControle.verifier("motif", m).ifPresent(v::add);
        }
        Processus p = processus(cle, v);
        Integer s = version(p, "source", source, v);
        Integer c = version(p, "cible", cible, v);
        Optional<List<String>> choisies = clesMetier(liste ? clesMetier : null, v);
        if (!v.isEmpty()) {
            throw new ErreursValidation(v);
        }
        Plan plan = versions.planifier(p.cle(), s, c, choisies);
        if (!plan.erreurs().isEmpty()) {
            throw new ErreursValidation(plan.erreurs());
        }
        if (plan.instances().isEmpty()) {
            throw new ErreurMetier("source", "aucune instance en cours de la version " + s + " de « " + p.cle() + " » : rien à migrer");
        }
        String batch = versions.lancer(plan);
        MigrationJournalisee journalisee = new MigrationJournalisee(0, p.cle(), plan.source().definitionId(), s, plan.cible().definitionId(), c,
                plan.instances().stream().map(Instance::id).toList(),
                plan.instances().stream().map(Instance::cleMetier).map(k -> Objects.requireNonNullElse(k, "")).toList(),
                batch, m, agent, horloge.instant());
        long id = journal.enregistrer(journalisee);
        LOG.info("Migration n° {} lancée par {} : {} v{} → v{}, {} instance(s), lot {}", id, agent, p.cle(), s, c, plan.instances().size(), batch);
        MigrationJournalisee enregistree = journal.parId(id).orElseThrow();
        return new Rapport(enregistree, versions.suivre(batch, enregistree.instances(), enregistree.definitionCible()));
    }

    public List<Rapport> migrations() {
        return journal.lister().stream().map(this::rapport).toList();
    }

    public Optional<Rapport> migration(long id) {
        return journal.parId(id).map(this::rapport);
    }

    private Rapport rapport(MigrationJournalisee m) {
        return new Rapport(m, versions.suivre(m.batchId(), m.instances(), m.definitionCible()));
    }

    private Processus processus(String cle, List<Violation> v) {
        Optional<Processus> p = cle == null || cle.length() > 100 ? Optional.empty() : versions.processus(cle);
        if (p.isEmpty()) {
            throw new ErreursValidation("cle", "processus inconnu ; attendu l'un de : "
                    + versions.processus().stream().map(Processus::cle).collect(Collectors.joining(", ")));
        }
        return p.get();
    }

    private static Integer version(Processus p, String champ, String valeur, List<Violation> v) {
        if (valeur == null || valeur.isBlank()) {
            v.add(new Violation(champ, "numéro de version obligatoire (entier, par exemple " + p.derniere().map(x -> x.version()).orElse(1) + ")"));
            return null;
        }
        String t = valeur.strip();
        if (!NUMERO_VERSION.matcher(t).matches()) {
            v.add(new Violation(champ, "numéro de version attendu : un entier positif"));
            return null;
        }
        int n = Integer.parseInt(t);
        if (p.version(n).isEmpty()) {
            v.add(new Violation(champ, "la version " + n + " de « " + p.cle() + " » n'existe pas ; versions déployées : "
                    + p.versions().stream().map(x -> String.valueOf(x.version())).collect(Collectors.joining(", "))));
            return null;
        }
        return n;
    }

    private static Optional<List<String>> clesMetier(List<String> cles, List<Violation> v) {
        if (cles == null || cles.isEmpty()) {
            return Optional.empty();
        }
        if (cles.size() > CLES_MAX) {
            v.add(new Violation("clesMetier", CLES_MAX + " instances au plus par migration (reçu : " + cles.size() + ")"));
            return Optional.empty();
        }
        List<String> propres = new ArrayList<>();
        for (int i = 0; i < cles.size(); i++) {
            String k = cles.get(i) == null ? "" : cles.get(i).strip();
            if (!CLE_METIER.matcher(k).matches()) {
                v.add(new Violation("clesMetier[" + i + "]", "numéro de dossier ou code de vague attendu (lettres, chiffres, « - », « . », « _ » ; "
                        + "64 caractères au plus)"));
            } else {
                propres.add(k);
            }
        }
        return Optional.of(propres);
    }
}
