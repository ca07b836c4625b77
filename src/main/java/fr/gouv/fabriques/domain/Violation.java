package fr.gouv.fabriques.domain;

/** One faulty input: the field (JSON path as the client sent it) and what was expected, in French. */
public record Violation(String champ, String message) {
}
