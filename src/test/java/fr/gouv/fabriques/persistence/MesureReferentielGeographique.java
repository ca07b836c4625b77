package fr.gouv.fabriques.persistence;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Benchmark, not a test (tests never assert on time): prints the load time and the retained heap of the
 * reference geography. Run after {@code ./mvnw test-compile}:
 * {@code java -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
 * fr.gouv.fabriques.persistence.MesureReferentielGeographique}
 */
public final class MesureReferentielGeographique {

    private MesureReferentielGeographique() {
    }

    public static void main(String[] args) throws InterruptedException {
        MemoryMXBean memoire = ManagementFactory.getMemoryMXBean();
        // The first load is the start-up's (cold JIT); the second one shows the steady cost.
        long froid = System.nanoTime();
        ReferentielGeographiqueFichier.depuisClasspath();
        System.out.printf("premier chargement (à froid) : %d ms%n", (System.nanoTime() - froid) / 1_000_000);
        long avant = utilise(memoire);
        long debut = System.nanoTime();
        ReferentielGeographiqueFichier referentiel = ReferentielGeographiqueFichier.depuisClasspath();
        long duree = System.nanoTime() - debut;
        long apres = utilise(memoire);
        System.out.printf("second chargement : %d ms ; tas retenu : %.1f Mo ; %d communes, %d arrondissements%n", duree / 1_000_000,
                (apres - avant) / 1_048_576.0, referentiel.nombreCommunes(), referentiel.nombreArrondissements());
        long t = System.nanoTime();
        int trouvees = 0;
        for (int i = 0; i < 1_000_000; i++) {
            trouvees += referentiel.commune(i % 2 == 0 ? "58194" : "75115").isPresent() ? 1 : 0;
        }
        System.out.printf("1 000 000 recherches : %d ms (%d trouvées)%n", (System.nanoTime() - t) / 1_000_000, trouvees);
    }

    private static long utilise(MemoryMXBean memoire) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memoire.getHeapMemoryUsage().getUsed();
    }
}
