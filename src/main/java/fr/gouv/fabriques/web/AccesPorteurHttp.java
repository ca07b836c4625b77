package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.porteur.AccesPorteur;
import fr.gouv.fabriques.domain.Dossier;
import org.springframework.stereotype.Component;

/**
 * The applicant's door to his dossier over HTTP: {@code Authorization: Bearer {jetonAcces}}.
 * No token: 401 ({@link JetonAbsent}); a wrong token and an unknown number give the same
 * 404 ({@link AccesRefuse}), so nothing tells whether a dossier exists. Both are answered
 * by {@link GestionErreurs}, for every applicant endpoint alike.
 */
@Component
class AccesPorteurHttp {

    private final AccesPorteur accesPorteur;

    AccesPorteurHttp(AccesPorteur accesPorteur) {
        this.accesPorteur = accesPorteur;
    }

    Dossier dossier(String numero, String authorization) {
        String jeton = JetonPorteur.extraire(authorization);
        if (jeton == null) {
            throw new JetonAbsent();
        }
        return accesPorteur.dossier(numero, jeton).orElseThrow(AccesRefuse::new);
    }

    static class JetonAbsent extends RuntimeException {
    }

    static class AccesRefuse extends RuntimeException {
    }
}
