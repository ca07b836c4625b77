package fr.gouv.fabriques.application.piece;

/** One file of an upload, as received: the name the applicant's tool gave, and the bytes. */
public record FichierRecu(String nom, byte[] contenu) {
}
