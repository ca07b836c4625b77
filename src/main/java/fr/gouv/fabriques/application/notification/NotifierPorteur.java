package fr.gouv.fabriques.application.notification;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.BoiteEnvoi.CourrielADeposer;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the mail that tells the applicant about a step of their dossier and puts it in
 * the outbox — in the transaction of the step itself (MANDATORY: a step recorded outside
 * a transaction would break the « no step, no mail » guarantee, so it is refused).
 */
@Service
public class NotifierPorteur {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private final DossierRepository dossiers;
    private final BoiteEnvoi boite;
    private final ModelesCourriels modeles;
    private final Expedition expedition;
    private final Delais delais;

    public NotifierPorteur(DossierRepository dossiers, BoiteEnvoi boite, ModelesCourriels modeles, Expedition expedition, Delais delais) {
        this.dossiers = dossiers;
        this.boite = boite;
        this.modeles = modeles;
        this.expedition = expedition;
        this.delais = delais;
    }

    /**
     * @param evenementId the timeline entry this mail announces (one mail per entry)
     * @param etape the step's text in full (the timeline keeps 500 characters; the mail keeps all)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifier(long evenementId, long dossierId, TypeEvenement type, String etape, Instant quand) {
        notifier(evenementId, dossiers.exiger(dossierId), type, etape, quand);
    }

    /** Same, for the dossier as the step has just written it (not loaded again). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifier(long evenementId, Dossier dossier, TypeEvenement type, String etape, Instant quand) {
        boite.deposer(rediger(new Annonce(evenementId, dossier, type, etape, quand)));
    }

    /** A step to announce: its timeline entry, the dossier as the step has just written it. */
    public record Annonce(long evenementId, Dossier dossier, TypeEvenement type, String etape, Instant quand) {
    }

    /** Several steps, each mail exactly as {@link #notifier} writes it, put in the outbox together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifierTous(java.util.List<Annonce> annonces) {
        if (!annonces.isEmpty()) {
            boite.deposerTous(annonces.stream().map(this::rediger).toList());
        }
    }

    private CourrielADeposer rediger(Annonce a) {
        Dossier dossier = a.dossier();
        long dossierId = dossier.id();
        long evenementId = a.evenementId();
        TypeEvenement type = a.type();
        String etape = a.etape();
        Instant quand = a.quand();
        ModelesCourriels.CourrielRedige courriel = modeles.rediger(type, valeurs(dossier, etape, quand));
        // Fixed now and kept in the row: every resend of this mail is recognisably the same message.
        // The random part keeps it unique if a database is restored or recreated under the same domain.
        String messageId = "<" + dossier.numero() + "." + evenementId + "." + UUID.randomUUID() + "@" + expedition.domaine() + ">";
        return new CourrielADeposer(dossierId, evenementId, type, dossier.contact().email(), courriel.sujet(), courriel.corps(), messageId,
                quand);
    }

    private Map<String, String> valeurs(Dossier dossier, String etape, Instant quand) {
        ZonedDateTime le = quand.atZone(Vague.FUSEAU);
        Map<String, String> v = new HashMap<>();
        v.put("numero", dossier.numero());
        v.put("structure", dossier.structure().raisonSociale());
        v.put("projet", dossier.projet().nom());
        v.put("contact", dossier.contact().nom());
        v.put("vague", dossier.vague());
        v.put("etape", etape.strip());
        v.put("date", DATE.format(le));
        v.put("lienSuivi", expedition.lienDossier(dossier.numero()));
        v.put("echeanceComplements", DATE.format(le.plus(Delais.parse(delais.complements()))));
        v.put("echeanceSignature", DATE.format(le.plus(Delais.parse(delais.signatureConvention()))));
        return v;
    }
}
