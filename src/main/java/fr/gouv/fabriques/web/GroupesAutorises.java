package fr.gouv.fabriques.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Camunda groups (doc/programme.md « Les rôles ») whose members may call an endpoint of
 * {@code /api/agents/**}. Every such endpoint must say it: one without is refused to all
 * (403), so a forgotten annotation never opens an endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface GroupesAutorises {

    String[] value();
}
