package fr.gouv.fabriques.application.piece;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of attachments ({@code fabriques.pieces.*}): per file, and for all the
 * pieces of one dossier. The multipart limits of application.yaml stay above them, so
 * that the application, not the servlet container, answers with the French message.
 */
@ConfigurationProperties(prefix = "fabriques.pieces")
public record LimitesPieces(@DefaultValue("10MB") DataSize tailleMaxFichier, @DefaultValue("50MB") DataSize tailleMaxDossier) {
}
