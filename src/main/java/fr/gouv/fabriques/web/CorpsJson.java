package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON body of the API, before any controller reads it (a deposit, a complement, an
 * agent's decisions…): refused above {@link LimitesApi#tailleMaxJson()} (413), and refused
 * field by field when a text holds a control character (422). Once, here, rather than in
 * each controller. A body that is not valid JSON goes through untouched: its converter
 * answers 400, as without this check.
 */
@ControllerAdvice(basePackages = "fr.gouv.fabriques.web")
class CorpsJson extends RequestBodyAdviceAdapter {

    private final ObjectMapper json;
    private final LimitesApi limites;

    CorpsJson(ObjectMapper json, LimitesApi limites) {
        this.json = json;
        this.limites = limites;
    }

    @Override
    public boolean supports(MethodParameter parametre, Type type, Class<? extends HttpMessageConverter<?>> convertisseur) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parametre, Type type,
            Class<? extends HttpMessageConverter<?>> convertisseur) throws IOException {
        HttpHeaders entetes = message.getHeaders();
        if (!estJson(entetes.getContentType())) {
            return message;
        }
        long max = limites.tailleMaxJson().toBytes();
        if (entetes.getContentLength() > max) {
            throw new CorpsTropVolumineux(max);
        }
        byte[] octets = message.getBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (octets.length > max) {
            throw new CorpsTropVolumineux(max);
        }
        JsonNode arbre = null;
        try {
            // Read as the converter will: in the declared charset if there is one (Jackson detects UTF-8/16/32 otherwise),
            // so that no body the converter accepts escapes this check.
            Charset charset = entetes.getContentType().getCharset();
            arbre = charset == null ? json.readTree(octets) : json.readTree(new String(octets, charset));
        } catch (IOException illisible) {
            // Not JSON: the converter says so (400).
        }
        if (arbre != null) {
            List<Violation> violations = TextesJson.caracteresInterdits(arbre);
            if (!violations.isEmpty()) {
                throw new ErreursValidation(violations);
            }
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(octets);
            }

            @Override
            public HttpHeaders getHeaders() {
                return entetes;
            }
        };
    }

    private static boolean estJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
    }
}
