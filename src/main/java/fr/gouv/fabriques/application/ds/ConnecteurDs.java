package fr.gouv.fabriques.application.ds;

import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import java.util.List;
import java.util.Optional;

/**
 * The connector as configured: on (a token, or the demo simulator) with its client and its procedures, or off with the
 * reason, said once at start-up and by {@code GET /api/agents/ds}.
 */
public final class ConnecteurDs {

    private final DemarchesSimplifiees ds;
    private final List<DemarcheSuivie> demarches;
    private final String etat;

    private ConnecteurDs(DemarchesSimplifiees ds, List<DemarcheSuivie> demarches, String etat) {
        this.ds = ds;
        this.demarches = List.copyOf(demarches);
        this.etat = etat;
    }

    public static ConnecteurDs actif(DemarchesSimplifiees ds, List<DemarcheSuivie> demarches, String etat) {
        return new ConnecteurDs(ds, demarches, etat);
    }

    public static ConnecteurDs inactif(String raison) {
        return new ConnecteurDs(null, List.of(), raison);
    }

    public boolean actif() {
        return ds != null;
    }

    public DemarchesSimplifiees ds() {
        if (ds == null) {
            throw new IllegalStateException("Connecteur démarches-simplifiées désactivé : " + etat);
        }
        return ds;
    }

    public List<DemarcheSuivie> demarches() {
        return demarches;
    }

    public Optional<DemarcheSuivie> demarche(int numero) {
        return demarches.stream().filter(d -> d.numero() == numero).findFirst();
    }

    public String etat() {
        return etat;
    }

    /** A procedure the connector imports, with its field mapping. */
    public record DemarcheSuivie(int numero, CorrespondanceChamps correspondance) {
    }
}
