package fr.gouv.fabriques.process.identite;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts the application guarantees: the demo accounts in demo mode; in production
 * the administrator only, with the configured password, and no demo account usable.
 */
class InitialisationComptes {

    private static final Logger LOG = LoggerFactory.getLogger(InitialisationComptes.class);

    private final ConfigurationIdentite configuration;
    private final SecureRandom aleatoire = new SecureRandom();

    InitialisationComptes(ConfigurationIdentite configuration) {
        this.configuration = configuration;
    }

    void appliquer(IdentityService identityService, VerificationMotDePasse verification) {
        if (configuration.demo()) {
            comptesDemo(identityService);
        } else {
            administrateur(identityService, verification);
            neutraliserComptesDemo(identityService, verification);
        }
    }

    /** Creates the missing demo accounts; an existing account keeps its password (it may have been changed). */
    private void comptesDemo(IdentityService identityService) {
        LOG.warn("Mode démonstration : comptes du README avec le mot de passe « {} ». "
                + "Ne jamais exposer ce mode ; en production, fabriques.mode=production.",
                ConfigurationIdentite.MOT_DE_PASSE_DEMO);
        int crees = 0;
        int adhesions = 0;
        for (CompteDemo compte : ComptesDemo.TOUS) {
            if (trouver(identityService, compte.id()) == null) {
                User utilisateur = identityService.newUser(compte.id());
                utilisateur.setFirstName(compte.prenom());
                utilisateur.setLastName(compte.nom());
                utilisateur.setEmail(compte.email());
                utilisateur.setPassword(ConfigurationIdentite.MOT_DE_PASSE_DEMO);
                enregistrerHorsPolitique(identityService, utilisateur);
                crees++;
            }
            adhesions += adhesionsManquantes(identityService, compte.id(), compte.groupes());
        }
        LOG.info("Comptes de démonstration : {} créé(s), {} adhésion(s) ajoutée(s).", crees, adhesions);
    }

    private void administrateur(IdentityService identityService, VerificationMotDePasse verification) {
        String id = configuration.adminId();
        User admin = trouver(identityService, id);
        if (admin == null) {
            admin = identityService.newUser(id);
            admin.setFirstName("Administrateur");
            admin.setLastName("technique");
            admin.setPassword(configuration.adminMotDePasse());
            enregistrerHorsPolitique(identityService, admin);
            LOG.info("Administrateur « {} » créé avec le mot de passe de {}.", id,
                    ConfigurationIdentite.VARIABLE_MOT_DE_PASSE);
        } else if (verification.estLeMotDePasse(admin, id)
                || verification.estLeMotDePasse(admin, ConfigurationIdentite.MOT_DE_PASSE_DEMO)) {
            // A password equal to the id (the starter's admin-user default) or left over from
            // demo mode is known to everybody: replace it. Any other password was chosen by
            // someone (e.g. changed in Admin) and is kept.
            admin.setPassword(configuration.adminMotDePasse());
            enregistrerHorsPolitique(identityService, admin);
            LOG.warn("Administrateur « {} » : mot de passe trivial remplacé par celui de {}.", id,
                    ConfigurationIdentite.VARIABLE_MOT_DE_PASSE);
        }
        adhesionsManquantes(identityService, id, List.of(Groupes.CAMUNDA_ADMIN));
    }

    /**
     * A database that once ran in demo mode still holds the demo accounts with the public
     * password « demo ». They are not deleted (their history and tasks stay attributable),
     * but their password is replaced by a random one nobody knows; an administrator can
     * set a real one in Admin.
     */
    private void neutraliserComptesDemo(IdentityService identityService, VerificationMotDePasse verification) {
        for (CompteDemo compte : ComptesDemo.TOUS) {
            if (compte.id().equals(configuration.adminId())) {
                continue;
            }
            User utilisateur = trouver(identityService, compte.id());
            // « demo », or the id itself (the starter's default for its admin-user « admin »).
            if (utilisateur != null
                    && (verification.estLeMotDePasse(utilisateur, ConfigurationIdentite.MOT_DE_PASSE_DEMO)
                            || verification.estLeMotDePasse(utilisateur, compte.id()))) {
                utilisateur.setPassword(motDePasseAleatoire());
                enregistrerHorsPolitique(identityService, utilisateur);
                LOG.warn("Compte de démonstration « {} » trouvé en production : mot de passe « {} » "
                        + "remplacé par un mot de passe aléatoire.", compte.id(),
                        ConfigurationIdentite.MOT_DE_PASSE_DEMO);
            }
        }
    }

    private int adhesionsManquantes(IdentityService identityService, String utilisateur, List<String> groupes) {
        Set<String> actuels = identityService.createGroupQuery().groupMember(utilisateur).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        int ajoutees = 0;
        for (String groupe : groupes) {
            if (!actuels.contains(groupe)) {
                identityService.createMembership(utilisateur, groupe);
                ajoutees++;
            }
        }
        return ajoutees;
    }

    /**
     * Saves a password the application itself sets, outside the engine's password policy
     * ({@code enable-password-policy}), which governs what people choose in Admin: the demo
     * accounts keep the « demo » of the API contract (OpenAPI, README), the production admin's passphrase follows
     * {@link ConfigurationIdentite} (12 characters at least), a random password needs no rule.
     */
    private static void enregistrerHorsPolitique(IdentityService identityService, User utilisateur) {
        if (identityService instanceof IdentityServiceImpl impl) {
            impl.saveUser(utilisateur, true);
        } else {
            identityService.saveUser(utilisateur);
        }
    }

    private static User trouver(IdentityService identityService, String id) {
        return identityService.createUserQuery().userId(id).singleResult();
    }

    private String motDePasseAleatoire() {
        byte[] octets = new byte[32];
        aleatoire.nextBytes(octets);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }
}
