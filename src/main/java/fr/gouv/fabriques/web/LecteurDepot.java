package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON of a deposit into a {@link DemandeDepot}, field by field, so that
 * every field of the wrong type and every unknown field is reported at once, by its
 * path, instead of stopping at the first one.
 */
final class LecteurDepot {

    private static final Set<String> RACINE = Set.of("appel", "vague", "categorie", "structure", "contact", "projet", "montantsDemandes");
    private static final Set<String> STRUCTURE = Set.of("raisonSociale", "siret", "formeJuridique", "adresse", "codeQpv");
    private static final Set<String> ADRESSE = Set.of("ligne", "codePostal", "commune", "codeInsee", "departement", "region");
    private static final Set<String> CONTACT = Set.of("nom", "email", "telephone");
    private static final Set<String> PROJET = Set.of("nom", "description", "services", "partenaires", "gouvernance", "etpFinances");
    private static final Set<String> MONTANTS = Set.of("annee1", "annee2", "annee3");

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    DemandeDepot lire(JsonNode racine) {
        if (racine == null || !racine.isObject()) {
            violations.add(new Violation("$", "le corps doit être un objet JSON décrivant le dossier (voir /v3/api-docs)"));
            return new DemandeDepot(null, null, null, null, null, null, null);
        }
        inconnus(racine, "", RACINE);
        return new DemandeDepot(texte(racine, "appel", ""), texte(racine, "vague", ""), texte(racine, "categorie", ""),
                structure(objet(racine, "structure", "")), contact(objet(racine, "contact", "")),
                projet(objet(racine, "projet", "")), montants(objet(racine, "montantsDemandes", "")));
    }

    private DemandeDepot.StructureDemandee structure(JsonNode n) {
        if (n == null) {
            return null;
        }
        String p = "structure.";
        inconnus(n, p, STRUCTURE);
        JsonNode a = objet(n, "adresse", p);
        DemandeDepot.AdresseDemandee adresse = null;
        if (a != null) {
            String pa = p + "adresse.";
            inconnus(a, pa, ADRESSE);
            adresse = new DemandeDepot.AdresseDemandee(texte(a, "ligne", pa), texte(a, "codePostal", pa), texte(a, "commune", pa),
                    texte(a, "codeInsee", pa), texte(a, "departement", pa), texte(a, "region", pa));
        }
        return new DemandeDepot.StructureDemandee(texte(n, "raisonSociale", p), texte(n, "siret", p), texte(n, "formeJuridique", p),
                adresse, texte(n, "codeQpv", p));
    }

    private DemandeDepot.ContactDemande contact(JsonNode n) {
        if (n == null) {
            return null;
        }
        inconnus(n, "contact.", CONTACT);
        return new DemandeDepot.ContactDemande(texte(n, "nom", "contact."), texte(n, "email", "contact."), texte(n, "telephone", "contact."));
    }

    private DemandeDepot.ProjetDemande projet(JsonNode n) {
        if (n == null) {
            return null;
        }
        String p = "projet.";
        inconnus(n, p, PROJET);
        List<String> services = null;
        JsonNode s = n.get("services");
        if (s != null && !s.isNull()) {
            if (!s.isArray()) {
                violations.add(new Violation(p + "services", "attendu : une liste de services, ex. [\"COWORKING\", \"FABLAB\"]"));
            } else {
                services = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    JsonNode e = s.get(i);
                    if (e.isTextual()) {
                        services.add(e.asText());
                    } else {
                        violations.add(new Violation(p + "services[" + i + "]", "attendu : un texte, ex. \"COWORKING\""));
                    }
                }
            }
        }
        BigDecimal etp = null;
        JsonNode e = n.get("etpFinances");
        if (e != null && !e.isNull()) {
            if (e.isNumber()) {
                etp = e.decimalValue();
            } else {
                violations.add(new Violation(p + "etpFinances", "attendu : un nombre d'équivalents temps plein, ex. 1.5"));
            }
        }
        return new DemandeDepot.ProjetDemande(texte(n, "nom", p), texte(n, "description", p), services, texte(n, "partenaires", p),
                texte(n, "gouvernance", p), etp);
    }

    private DemandeDepot.MontantsDemandes montants(JsonNode n) {
        if (n == null) {
            return null;
        }
        String p = "montantsDemandes.";
        inconnus(n, p, MONTANTS);
        return new DemandeDepot.MontantsDemandes(entier(n, "annee1", p), entier(n, "annee2", p), entier(n, "annee3", p));
    }

    private JsonNode objet(JsonNode parent, String nom, String prefixe) {
        JsonNode n = parent.get(nom);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            violations.add(new Violation(prefixe + nom, "attendu : un objet JSON { … }"));
            return null;
        }
        return n;
    }

    private String texte(JsonNode parent, String nom, String prefixe) {
        JsonNode n = parent.get(nom);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            violations.add(new Violation(prefixe + nom, "attendu : un texte entre guillemets ; reçu : " + n));
            return null;
        }
        return n.asText();
    }

    private Integer entier(JsonNode parent, String nom, String prefixe) {
        JsonNode n = parent.get(nom);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            violations.add(new Violation(prefixe + nom, "attendu : un nombre entier d'euros, sans centimes ni guillemets ; reçu : " + n));
            return null;
        }
        return n.intValue();
    }

    private void inconnus(JsonNode n, String prefixe, Set<String> connus) {
        Iterator<String> noms = n.fieldNames();
        while (noms.hasNext()) {
            String nom = noms.next();
            if (!connus.contains(nom)) {
                violations.add(new Violation(prefixe + nom, "champ inconnu : les champs permis ici sont " + String.join(", ", connus.stream().sorted().toList())));
            }
        }
    }
}
