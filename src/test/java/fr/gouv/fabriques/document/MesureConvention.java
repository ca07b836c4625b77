package fr.gouv.fabriques.document;

import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.MontantsAnnuels;

/**
 * Benchmark, not a test (tests never assert on time): prints the time to lay out one convention and its size.
 * Run after {@code ./mvnw test-compile}:
 * {@code java -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
 * fr.gouv.fabriques.document.MesureConvention}
 */
public final class MesureConvention {

    private MesureConvention() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        EditeurConventionPdf editeur = ConventionPdfTest.editeur();
        System.out.printf("lecture et vérification du modèle : %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        ContenuConvention ordinaire = ContenuConvention.de(ConventionPdfTest.dossier(Categorie.QPV, "QP058001"),
                ConventionPdfTest.convention(new MontantsAnnuels(50_000, 50_000, 40_000), 0), ConventionPdfTest.PLAFONDS,
                ConventionPdfTest.DELAIS, "le ministre chargé de la cohésion des territoires, ou son délégué");
        ContenuConvention numerique = ContenuConvention.de(ConventionPdfTest.dossier(Categorie.NUMERIQUE_QPV, "QP058001"),
                ConventionPdfTest.convention(new MontantsAnnuels(50_000, 50_000, 50_000), 100_000), ConventionPdfTest.PLAFONDS,
                ConventionPdfTest.DELAIS, "le ministre chargé de la cohésion des territoires, ou son délégué");
        long t1 = System.nanoTime();
        byte[] premier = editeur.editer(ordinaire);
        System.out.printf("première convention (à froid) : %d ms, %d octets%n", (System.nanoTime() - t1) / 1_000_000, premier.length);
        int n = 200;
        long t2 = System.nanoTime();
        long octets = 0;
        for (int i = 0; i < n; i++) {
            octets += editeur.editer(i % 2 == 0 ? ordinaire : numerique).length;
        }
        double ms = (System.nanoTime() - t2) / 1e6 / n;
        System.out.printf("%d conventions (à chaud) : %.1f ms chacune en moyenne, %d octets en moyenne (numérique : %d octets)%n", n, ms,
                octets / n, editeur.editer(numerique).length);
    }
}
