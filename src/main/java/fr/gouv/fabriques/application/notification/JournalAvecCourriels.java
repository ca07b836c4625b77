package fr.gouv.fabriques.application.notification;

import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.SuiteJournal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The timeline every use case writes to, with one addition: an entry the applicant sees
 * is also mailed to them, through the outbox, in the same transaction. The entries shown
 * to the applicant are exactly the steps they must hear about (deposit, irrecevabilité,
 * completeness request, decision…), so no use case has to know about mail; and a step
 * that rolls back (a refused form, a failed job that will be retried) takes its mail
 * with it.
 */
@Primary
@Component
class JournalAvecCourriels implements Journal {

    private final Journal journal;
    private final NotifierPorteur notifier;
    private final List<SuiteJournal> suites;

    /**
     * {@code jdbcJournal}: the table of the timeline (persistence/JdbcJournal); {@code suites}: what else an entry causes in
     * its transaction (the démarches-simplifiées write-back), which may also say that the mail is not wanted.
     */
    JournalAvecCourriels(@Qualifier("jdbcJournal") Journal journal, NotifierPorteur notifier, ObjectProvider<SuiteJournal> suites) {
        this.journal = journal;
        this.notifier = notifier;
        this.suites = suites.orderedStream().toList();
    }

    @Override
    public long noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand) {
        long id = journal.noter(dossierId, type, libelle, visiblePorteur, acteur, quand);
        boolean courriel = true;
        for (SuiteJournal suite : suites) {
            courriel &= suite.apresNote(id, dossierId, type, libelle, visiblePorteur, quand);
        }
        if (visiblePorteur && courriel) {
            notifier.notifier(id, dossierId, type, libelle, quand);
        }
        return id;
    }

    @Override
    public long noter(Dossier dossier, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand) {
        long id = journal.noter(dossier.id(), type, libelle, visiblePorteur, acteur, quand);
        boolean courriel = true;
        for (SuiteJournal suite : suites) {
            courriel &= suite.apresNote(id, dossier, type, libelle, visiblePorteur, quand);
        }
        if (visiblePorteur && courriel) {
            notifier.notifier(id, dossier, type, libelle, quand);
        }
        return id;
    }

    @Override
    public List<Long> noterTous(List<Note> notes) {
        List<Long> ids = journal.noterTous(notes);
        boolean[] courriel = new boolean[notes.size()];
        java.util.Arrays.fill(courriel, true);
        for (SuiteJournal suite : suites) {
            List<Boolean> r = suite.apresNotes(ids, notes);
            for (int i = 0; i < courriel.length; i++) {
                courriel[i] &= r.get(i);
            }
        }
        List<NotifierPorteur.Annonce> annonces = new java.util.ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            if (n.visiblePorteur() && courriel[i]) {
                annonces.add(new NotifierPorteur.Annonce(ids.get(i), n.dossier(), n.type(), n.libelle(), n.quand()));
            }
        }
        notifier.notifierTous(annonces);
        return ids;
    }

    @Override
    public List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur) {
        return journal.evenements(dossierId, seulementVisiblesPorteur);
    }
}
