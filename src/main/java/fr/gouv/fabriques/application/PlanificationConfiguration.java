package fr.gouv.fabriques.application;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's periodic work (mail outbox, purge of idempotency keys). The
 * integration tests switch it off ({@code fabriques.planification.active=false}) and
 * call the same methods themselves, so that nothing runs behind their back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "fabriques.planification", name = "active", havingValue = "true", matchIfMissing = true)
class PlanificationConfiguration {
}
