package fr.gouv.fabriques.essais;

import fr.gouv.fabriques.process.deploiement.ExposeAuxModeles;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Tests only: what the engine's listeners of the test model {@code modeles-test/test-erreurs-moteur.bpmn}
 * call, as {@code ${moteurEssais.…}}. {@link #panne()} fails like a delegate with internals in its
 * message; {@link #rendezVous()} holds each caller inside its transaction until another one arrives,
 * once {@link #armer(int)} has set how many: two completions of one task then meet, and the second to
 * write hits the engine's optimistic locking.
 */
@ExposeAuxModeles
@Component("moteurEssais")
public class MoteurEssais {

    public static final String SECRET = "select secret_moteur from table_interne_moteur";

    private volatile CyclicBarrier barriere;

    public void panne() {
        throw new IllegalStateException("org.example.DelegueInterne : " + SECRET);
    }

    /** The next {@code parties} calls of {@link #rendezVous()} wait for each other (10 s at most). */
    public void armer(int parties) {
        barriere = new CyclicBarrier(parties);
    }

    public void desarmer() {
        barriere = null;
    }

    public void rendezVous() {
        CyclicBarrier b = barriere;
        if (b == null) {
            return;
        }
        try {
            b.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // The other caller never came: go on alone, the test will say so.
        }
    }
}
