package fr.gouv.fabriques.process.identite;

import static fr.gouv.fabriques.process.identite.Groupes.ANALYSTES;
import static fr.gouv.fabriques.process.identite.Groupes.CAMUNDA_ADMIN;
import static fr.gouv.fabriques.process.identite.Groupes.COMITE_SELECTION;
import static fr.gouv.fabriques.process.identite.Groupes.EXPLOITATION;
import static fr.gouv.fabriques.process.identite.Groupes.GESTIONNAIRES;
import static fr.gouv.fabriques.process.identite.Groupes.INSTRUCTEURS;
import static fr.gouv.fabriques.process.identite.Groupes.REFERENTS_TERRITORIAUX;
import static fr.gouv.fabriques.process.identite.Groupes.SERVICE_FINANCIER;

import java.util.List;

/** The demo accounts table of the API contract (OpenAPI, README) (password « demo », demo mode only). */
public final class ComptesDemo {

    public static final List<CompteDemo> TOUS = List.of(
            new CompteDemo("instructeur", "Camille", "Lefèvre", List.of(INSTRUCTEURS)),
            new CompteDemo("instructeur2", "Julien", "Moreau", List.of(INSTRUCTEURS)),
            new CompteDemo("referent-58", "Sophie", "Girard",
                    List.of(REFERENTS_TERRITORIAUX, Groupes.referentsDuDepartement("58"))),
            new CompteDemo("referent-75", "Thomas", "Rousseau",
                    List.of(REFERENTS_TERRITORIAUX, Groupes.referentsDuDepartement("75"))),
            new CompteDemo("comite", "Nathalie", "Bernard", List.of(COMITE_SELECTION)),
            new CompteDemo("gestionnaire", "Isabelle", "Fournier", List.of(GESTIONNAIRES)),
            new CompteDemo("gestionnaire2", "Marc", "Lambert", List.of(GESTIONNAIRES)),
            new CompteDemo("financier", "Pierre", "Garnier", List.of(SERVICE_FINANCIER)),
            new CompteDemo("financier2", "Hélène", "Robert", List.of(SERVICE_FINANCIER)),
            new CompteDemo("analyste", "Léa", "Mercier", List.of(ANALYSTES)),
            // The Prometheus collector of the demo: reads /actuator/prometheus, nothing else.
            new CompteDemo("prometheus", "Collecteur", "Prometheus", List.of(EXPLOITATION)),
            new CompteDemo(ConfigurationIdentite.ADMIN_DEMO, "Dominique", "Lemaire", List.of(CAMUNDA_ADMIN)));

    private ComptesDemo() {
    }
}
