package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.instruction.ClasserSansSuite;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ClasserSansSuite (completeness deadline passed) → {@link ClasserSansSuite}. */
@Component("classerSansSuiteDelegate")
class ClasserSansSuiteDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ClasserSansSuite classerSansSuite;

    ClasserSansSuiteDelegate(DossierDuProcessus dossierDuProcessus, ClasserSansSuite classerSansSuite) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.classerSansSuite = classerSansSuite;
    }

    @Override
    public void execute(DelegateExecution execution) {
        classerSansSuite.classer(dossierDuProcessus.id(execution));
        execution.setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "SANS_SUITE");
    }
}
