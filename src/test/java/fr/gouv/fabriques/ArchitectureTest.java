package fr.gouv.fabriques;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's layout (README « Où est quoi »), kept on the compiled classes (ArchUnit reads the
 * bytecode: a fully-qualified name, a static call or a field type counts as much as an import line):
 * only process/ talks to Camunda (a move to Operaton stays one package, doc/adr/0017), the domain is
 * plain Java, the application does not reach into any adapter, the web reaches the rest through the
 * application only.
 */
class ArchitectureTest {

    private static final String RACINE = "fr.gouv.fabriques";
    private static JavaClasses classes;

    @BeforeAll
    static void importer() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(RACINE);
    }

    private static String p(String paquet) {
        return RACINE + "." + paquet + "..";
    }

    @Test
    void seulProcessParleAuMoteur() {
        ArchRule regle = noClasses().that().resideOutsideOfPackages(p("process"), RACINE)
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .because("seul process/ parle au moteur : passer à Operaton ne touche qu'un paquet");
        regle.check(classes);
    }

    @Test
    void leDomaineEstDuJavaSeul() {
        ArchRule regle = noClasses().that().resideInAPackage(p("domain"))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "com.fasterxml..",
                        "jakarta..", "org.slf4j..", p("application"), p("web"), p("persistence"), p("process"), p("courriel"),
                        p("document"), p("securite"), p("journal"), p("export"), p("ds"))
                .because("les règles du programme ne dépendent d'aucun cadre ni d'aucun adaptateur");
        regle.check(classes);
    }

    @Test
    void lApplicationNeDependDAucunAdaptateur() {
        ArchRule regle = noClasses().that().resideInAPackage(p("application"))
                .should().dependOnClassesThat().resideInAnyPackage(p("web"), p("persistence"), p("process"), p("courriel"),
                        p("document"), p("export"), p("ds"), "org.springframework.web..", "org.springframework.jdbc..", "jakarta.servlet..")
                .because("les cas d'usage ne voient les adaptateurs que par leurs ports (application/port)");
        regle.check(classes);
    }

    @Test
    void leWebNePasseQueParLApplication() {
        ArchRule regle = noClasses().that().resideInAPackage(p("web"))
                .should().dependOnClassesThat().resideInAnyPackage(p("persistence"), p("process"), "org.springframework.jdbc..")
                .because("un contrôleur appelle un cas d'usage, jamais la base ni le moteur directement");
        regle.check(classes);
    }

    @Test
    void laPersistanceNeConnaitNiLeWebNiLeMoteur() {
        ArchRule regle = noClasses().that().resideInAPackage(p("persistence"))
                .should().dependOnClassesThat().resideInAnyPackage(p("web"), p("process"))
                .because("les adaptateurs ne se parlent pas entre eux");
        regle.check(classes);
    }
}
