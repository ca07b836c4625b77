package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a stored convention document without its content: its SHA-256 (hex)
 * identifies the exact bytes the laureate and the State refer to.
 */
public record DocumentConvention(long dossierId, NatureDocumentConvention nature, String sha256, long taille,
        String nomOriginal, String signataire, Instant creeLe) {

    public DocumentConvention {
        Objects.requireNonNull(nature);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(creeLe);
    }
}
