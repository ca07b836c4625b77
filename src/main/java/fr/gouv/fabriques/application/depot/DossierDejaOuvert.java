package fr.gouv.fabriques.application.depot;

/** « Le programme en bref » (README): one open application per SIRET at a time, with or without an exception ({@link StructureDejaCandidate} for the SIREN). */
public class DossierDejaOuvert extends RuntimeException {
    public DossierDejaOuvert(String siret) {
        super("Un dossier est déjà en cours pour le SIRET " + siret
                + " : une structure ne peut avoir qu'une candidature ouverte à la fois. Suivez ce dossier avec son jeton d'accès.");
    }
}
