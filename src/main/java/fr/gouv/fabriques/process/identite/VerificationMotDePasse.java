package fr.gouv.fabriques.process.identite;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Tells whether a user's stored password is a given one, <em>without side effects</em>.
 *
 * <p>{@code IdentityService.checkPassword} is a login attempt: on a mismatch it counts a
 * failed attempt and locks the account for a while, and for good after
 * {@code loginMaxAttempts}. Probing « is the admin's password still its id? » that way at
 * every start-up would lock the real administrator out after a few restarts. This class
 * compares against the stored salted hash exactly as the engine does, but only reads.
 */
class VerificationMotDePasse {

    private final ProcessEngineConfigurationImpl configuration;

    VerificationMotDePasse(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    boolean estLeMotDePasse(User utilisateur, String candidat) {
        if (!(utilisateur instanceof UserEntity entite) || entite.getPassword() == null || candidat == null) {
            return false;
        }
        String sale = EncryptionUtil.saltPassword(candidat, entite.getSalt());
        return configuration.getPasswordManager().check(sale, entite.getPassword());
    }
}
