package fr.gouv.fabriques.securite;

import java.time.Duration;
import java.util.Optional;

/**
 * The limits per client address of {@code fabriques.limites}: anonymous deposits and sendings,
 * and failed logins. A failed login takes a token; once none is left, the address gets 429
 * before its credentials are even checked (so the engine's per-account delay is not touched).
 */
public class Limites {

    private final Limiteur depots;
    private final Limiteur envois;
    private final Limiteur connexions;

    public Limites(LimitesProperties proprietes) {
        this.depots = new Limiteur(proprietes.depots(), proprietes.adressesMax());
        this.envois = new Limiteur(proprietes.envois(), proprietes.adressesMax());
        this.connexions = new Limiteur(proprietes.connexions(), proprietes.adressesMax());
    }

    public Limiteur depots() {
        return depots;
    }

    public Limiteur envois() {
        return envois;
    }

    /** Empty if this address may try to log in, else how long it must wait. */
    public Optional<Duration> attenteConnexion(String adresse) {
        return connexions.attente(adresse);
    }

    /** A failed login from this address. */
    public void echecConnexion(String adresse) {
        connexions.consommer(adresse);
    }

    public LimitesProperties.Limite limiteConnexions() {
        return connexions.limite();
    }

    public void reinitialiser() {
        depots.reinitialiser();
        envois.reinitialiser();
        connexions.reinitialiser();
    }
}
