package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;

/** The payment orders issued, for the accounting system. */
public interface RegistreVersements {

    List<OrdreVersement> ordresEmis(Instant depuis, Instant jusqua);

    record OrdreVersement(String reference, String numero, String siret, String raisonSociale, int annee, int montant,
            String ordonnancePar, Instant ordonnanceLe, Instant emisLe) {
    }
}
