package fr.gouv.fabriques.application.notification;

import java.util.Locale;

/**
 * Who the mails come from and where they point to. The domain of the sender also
 * signs the Message-IDs, so that they are unique to this installation.
 */
public record Expedition(String expediteur, String urlApplication) {

    public Expedition {
        if (expediteur == null || !expediteur.contains("@")) {
            throw new IllegalArgumentException("adresse d'expéditeur invalide : « " + expediteur + " »");
        }
        urlApplication = urlApplication.endsWith("/") ? urlApplication.substring(0, urlApplication.length() - 1) : urlApplication;
    }

    public String domaine() {
        String apres = expediteur.substring(expediteur.lastIndexOf('@') + 1);
        int fin = apres.indexOf('>');
        return (fin < 0 ? apres : apres.substring(0, fin)).strip().toLowerCase(Locale.ROOT);
    }

    public String lienDossier(String numero) {
        return urlApplication + "/api/dossiers/" + numero;
    }
}
