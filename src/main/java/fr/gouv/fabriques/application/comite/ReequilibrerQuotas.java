package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Programme;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme manager moves quota places between categories, with a recorded reason; the total never changes. */
@Service
public class ReequilibrerQuotas {

    private final ProgrammeRepository programmes;
    private final Clock horloge;

    public ReequilibrerQuotas(ProgrammeRepository programmes, Clock horloge) {
        this.programmes = programmes;
        this.horloge = horloge;
    }

    @Transactional
    public Programme reequilibrer(Categorie de, Categorie vers, int nombre, String motif, String gestionnaire) {
        if (de == null || vers == null) {
            throw new ErreursValidation(de == null ? "de" : "vers", "catégorie attendue : HORS_GRANDS_CENTRES, QPV ou NUMERIQUE_QPV");
        }
        if (motif == null || motif.strip().length() < 10) {
            throw new ErreursValidation("motif", "motivez le rééquilibrage (10 caractères au moins) : il est inscrit au registre");
        }
        Programme nouveau = programmes.verrouiller().reequilibrer(de, vers, nombre);
        programmes.enregistrer(nouveau);
        programmes.noterReequilibrage(de, vers, nombre, motif.strip(), gestionnaire, horloge.instant());
        return nouveau;
    }
}
