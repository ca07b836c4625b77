package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.ClasserSansSuite;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ClasserSansSuite (completeness deadline passed) → {@link ClasserSansSuite}. */
@Component("classerSansSuiteDelegate")
class ClasserSansSuiteDelegate implements JavaDelegate {

    private final ClasserSansSuite classerSansSuite;

    ClasserSansSuiteDelegate(ClasserSansSuite classerSansSuite) {
        this.classerSansSuite = classerSansSuite;
    }

    @Override
    public void execute(DelegateExecution execution) {
        classerSansSuite.classer(DossierVariables.dossierId(execution));
        execution.setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "SANS_SUITE");
    }
}
