package fr.gouv.fabriques.process.deploiement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the models' expressions may call, as {@code ${bean.method(…)}} or {@code ${bean.property}}: only
 * the public methods its class declares (not those it inherits, {@code getClass()} included). Any other
 * bean named in an expression makes a deployment refused ({@link ReglesDeploiement}): in the engine an
 * unknown identifier resolves to any Spring bean, the data source or the engine's services included.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExposeAuxModeles {
}
