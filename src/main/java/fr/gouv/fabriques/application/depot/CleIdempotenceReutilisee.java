package fr.gouv.fabriques.application.depot;

/** The same Idempotency-Key came with a different deposit. */
public class CleIdempotenceReutilisee extends RuntimeException {
    public CleIdempotenceReutilisee(String cle) {
        super("La clé Idempotency-Key « " + cle + " » a déjà servi pour un autre dépôt : utilisez une nouvelle clé pour un nouveau dossier.");
    }
}
