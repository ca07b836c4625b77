package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A Fabrique's application, from deposit to closure. Its status only moves along
 * the lifecycle of {@link StatutDossier}; anything else is refused here.
 */
public class Dossier {

    private final Long id;
    private final String numero;
    private final Appel appel;
    private String vague;
    private final Categorie categorie;
    private final Structure structure;
    private final Contact contact;
    private final Projet projet;
    private final MontantsAnnuels montantsDemandes;
    private StatutDossier statut;
    private final Instant deposeLe;
    private Instant modifieLe;
    private final int version;

    public Dossier(Long id, String numero, Appel appel, String vague, Categorie categorie, Structure structure,
            Contact contact, Projet projet, MontantsAnnuels montantsDemandes, StatutDossier statut, Instant deposeLe,
            Instant modifieLe, int version) {
        this.id = id;
        this.numero = Objects.requireNonNull(numero);
        this.appel = Objects.requireNonNull(appel);
        this.vague = Objects.requireNonNull(vague);
        this.categorie = Objects.requireNonNull(categorie);
        this.structure = Objects.requireNonNull(structure);
        this.contact = contact;
        this.projet = projet;
        this.montantsDemandes = Objects.requireNonNull(montantsDemandes);
        this.statut = Objects.requireNonNull(statut);
        this.deposeLe = deposeLe;
        this.modifieLe = modifieLe;
        this.version = version;
    }

    /** A new dossier, as deposited. */
    public static Dossier depose(String numero, Appel appel, String vague, Categorie categorie, Structure structure,
            Contact contact, Projet projet, MontantsAnnuels montantsDemandes, Instant maintenant) {
        if (categorie.appel() != appel) {
            throw new ErreursValidation("categorie", "la catégorie " + categorie + " ne relève pas de l'appel " + appel
                    + " (attendu : une catégorie de l'appel « " + appel.libelle() + " »)");
        }
        return new Dossier(null, numero, appel, vague, categorie, structure, contact, projet, montantsDemandes,
                StatutDossier.DEPOSE, maintenant, maintenant, 0);
    }

    /** Moves the dossier along its lifecycle; an illegal move is refused. */
    public void passerA(StatutDossier cible, Instant maintenant) {
        if (!statut.peutPasserA(cible)) {
            throw new TransitionInterdite(numero, statut, cible);
        }
        statut = cible;
        modifieLe = maintenant;
    }

    /** Refuses the action unless the dossier is in one of the given statuses. */
    public void exigerStatut(String action, StatutDossier... attendus) {
        for (StatutDossier s : attendus) {
            if (statut == s) {
                return;
            }
        }
        StringBuilder liste = new StringBuilder();
        for (StatutDossier s : attendus) {
            liste.append(liste.isEmpty() ? "" : " ou ").append("« ").append(s.libelle()).append(" »");
        }
        throw new ErreurMetier("statut", "Impossible de " + action + " : le dossier " + numero + " est « "
                + statut.libelle() + " » (attendu : " + liste + ").");
    }

    /** Carries the dossier to another wave (adjourned by a committee). */
    public void rattacherA(String nouvelleVague, Instant maintenant) {
        this.vague = Objects.requireNonNull(nouvelleVague);
        this.modifieLe = maintenant;
    }

    public Long id() { return id; }
    public String numero() { return numero; }
    public Appel appel() { return appel; }
    public String vague() { return vague; }
    public Categorie categorie() { return categorie; }
    public Structure structure() { return structure; }
    public Contact contact() { return contact; }
    public Projet projet() { return projet; }
    public MontantsAnnuels montantsDemandes() { return montantsDemandes; }
    public StatutDossier statut() { return statut; }
    public Instant deposeLe() { return deposeLe; }
    public Instant modifieLe() { return modifieLe; }
    public int version() { return version; }
}
