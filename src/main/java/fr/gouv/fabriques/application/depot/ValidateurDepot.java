package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.depot.DemandeDepot.AdresseDemandee;
import fr.gouv.fabriques.application.depot.DemandeDepot.ContactDemande;
import fr.gouv.fabriques.application.depot.DemandeDepot.MontantsDemandes;
import fr.gouv.fabriques.application.depot.DemandeDepot.ProjetDemande;
import fr.gouv.fabriques.application.depot.DemandeDepot.StructureDemandee;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks a deposit's form field by field, before anything is written, and says in French
 * what was expected for each faulty field (the JSON path of the API contract (OpenAPI, README)):
 * required fields, formats, known codes, and the address against the communes referential.
 * The programme's rules (amount bounds and yearly cap, category vs call, QPV code of the QPV
 * categories, admitted legal forms, the métropole rule) are not checked here: the eligibility
 * table decides them ({@link fr.gouv.fabriques.application.instruction.EvaluerEligibilite}, doc/adr/0007).
 */
@Component
public class ValidateurDepot {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    private static final Pattern TELEPHONE = Pattern.compile("^(0[1-9]\\d{8}|\\+33[1-9]\\d{8}|\\+262\\d{9}|\\+269\\d{9}|\\+590\\d{9}|\\+594\\d{9}|\\+596\\d{9})$");
    private static final Pattern CODE_POSTAL = Pattern.compile("^\\d{5}$");
    private static final Pattern CODE_INSEE = Pattern.compile("^(\\d{5}|2[AB]\\d{3})$");
    private static final Pattern DEPARTEMENT = Pattern.compile("^(0[1-9]|[1-8]\\d|9[0-5]|2A|2B|97[1-6])$");
    private static final Pattern REGION = Pattern.compile("^\\d{2}$");
    private static final Pattern QPV_2015 = Pattern.compile("^QP(\\d{3}|02[AB]|97[1-6])\\d{3}$");
    private static final Pattern QPV_2024 = Pattern.compile("^QN[0-9A-Z]{7}$");
    private static final Pattern SERVICE = Pattern.compile("^[A-Z][A-Z0-9_]{1,49}$");

    private final ReferentielGeographique geographie;

    public ValidateurDepot(ReferentielGeographique geographie) {
        this.geographie = geographie;
    }

    public List<Violation> violations(DemandeDepot d) {
        List<Violation> v = new ArrayList<>();
        enumeration(v, "appel", d.appel(), Appel.class, true);
        if (d.vague() != null && (d.vague().isBlank() || d.vague().length() > 32)) {
            v.add(new Violation("vague", "le code de vague doit faire de 1 à 32 caractères, ou être omis pour la vague ouverte de l'appel"));
        }
        enumeration(v, "categorie", d.categorie(), Categorie.class, true);
        structure(v, d.structure());
        contact(v, d.contact());
        projet(v, d.projet());
        montants(v, d.montantsDemandes());
        return v;
    }

    private void structure(List<Violation> v, StructureDemandee s) {
        if (s == null) {
            v.add(new Violation("structure", "la structure est obligatoire (raisonSociale, siret, formeJuridique, adresse)"));
            return;
        }
        texte(v, "structure.raisonSociale", s.raisonSociale(), 2, 200);
        Siret.erreur(s.siret()).ifPresent(m -> v.add(new Violation("structure.siret", m)));
        enumeration(v, "structure.formeJuridique", s.formeJuridique(), FormeJuridique.class, true);
        adresse(v, s.adresse());
        String qpv = s.codeQpv();
        if (qpv != null && !QPV_2015.matcher(qpv).matches() && !QPV_2024.matcher(qpv).matches()) {
            v.add(new Violation("structure.codeQpv", "le code QPV doit être « QP » + 3 caractères de département + 3 chiffres "
                    + "(géographie 2015, ex. QP075001) ou « QN » + 7 caractères (géographie 2024) ; reçu : « " + qpv + " »"));
        }
    }

    private void adresse(List<Violation> v, AdresseDemandee a) {
        if (a == null) {
            v.add(new Violation("structure.adresse", "l'adresse est obligatoire (ligne, codePostal, commune, codeInsee, departement, region)"));
            return;
        }
        texte(v, "structure.adresse.ligne", a.ligne(), 3, 200);
        boolean codePostal = format(v, "structure.adresse.codePostal", a.codePostal(), CODE_POSTAL, "5 chiffres (ex. 58000)");
        texte(v, "structure.adresse.commune", a.commune(), 1, 100);
        boolean codeInsee = format(v, "structure.adresse.codeInsee", a.codeInsee(), CODE_INSEE,
                "le code INSEE de la commune, 5 caractères (ex. 58194, 2A004)");
        boolean departement = format(v, "structure.adresse.departement", a.departement(), DEPARTEMENT, "un code de département (ex. 58, 2A, 974)");
        boolean region = format(v, "structure.adresse.region", a.region(), REGION, "un code de région INSEE à 2 chiffres (ex. 27)");
        if (codeInsee) {
            concordance(v, a, codePostal, departement, region);
        }
    }

    /** The codes must agree with the official geography (the API contract (OpenAPI, README): « must agree with each other and with codePostal »). */
    private void concordance(List<Violation> v, AdresseDemandee a, boolean codePostal, boolean departement, boolean region) {
        String code = a.codeInsee();
        Optional<Commune> trouvee = geographie.commune(code);
        if (trouvee.isEmpty()) {
            String message = geographie.communeActuelleDe(code)
                    .map(c -> "« " + code + " » n'est plus le code INSEE d'une commune : cette ancienne commune fait partie de "
                            + c.nom() + " ; attendu : le code INSEE de la commune actuelle, " + c.code())
                    .orElse("aucune commune n'a le code INSEE « " + code + " » ; attendu : le code officiel de la commune (ex. 58194 pour Nevers), "
                            + "pas son code postal");
            v.add(new Violation("structure.adresse.codeInsee", message));
            return;
        }
        Commune c = trouvee.get();
        String laCommune = c.nom() + " (code INSEE " + code + ")";
        if (departement && !c.departement().equals(a.departement())) {
            v.add(new Violation("structure.adresse.departement", "attendu : " + c.departement() + ", le département de " + laCommune
                    + " ; reçu : « " + a.departement() + " »"));
        }
        if (region && !c.region().equals(a.region())) {
            v.add(new Violation("structure.adresse.region", "attendu : " + c.region() + ", la région de " + laCommune
                    + " ; reçu : « " + a.region() + " »"));
        }
        if (codePostal && !c.aLeCodePostal(a.codePostal())) {
            v.add(new Violation("structure.adresse.codePostal", "le code postal « " + a.codePostal() + " » n'est pas celui de " + laCommune
                    + " ; attendu : " + (c.codesPostaux().size() == 1 ? c.codesPostaux().get(0) : "l'un de " + String.join(", ", c.codesPostaux()))));
        }
    }

    private void contact(List<Violation> v, ContactDemande c) {
        if (c == null) {
            v.add(new Violation("contact", "le contact est obligatoire (nom, email, telephone)"));
            return;
        }
        texte(v, "contact.nom", c.nom(), 2, 100);
        if (c.email() == null || c.email().isBlank()) {
            v.add(new Violation("contact.email", "l'adresse e-mail est obligatoire"));
        } else if (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches()) {
            v.add(new Violation("contact.email", "adresse e-mail invalide (attendu : nom@domaine.fr) ; reçu : « " + c.email() + " »"));
        }
        if (c.telephone() == null || c.telephone().isBlank()) {
            v.add(new Violation("contact.telephone", "le téléphone est obligatoire"));
        } else if (!TELEPHONE.matcher(c.telephone().replaceAll("[ .-]", "")).matches()) {
            v.add(new Violation("contact.telephone", "numéro de téléphone invalide (attendu : 10 chiffres commençant par 0, ou +33 suivi de 9 chiffres) ; reçu : « "
                    + c.telephone() + " »"));
        }
    }

    private void projet(List<Violation> v, ProjetDemande p) {
        if (p == null) {
            v.add(new Violation("projet", "le projet est obligatoire (nom, description, services, partenaires, gouvernance, etpFinances)"));
            return;
        }
        texte(v, "projet.nom", p.nom(), 2, 200);
        texte(v, "projet.description", p.description(), 20, 5000);
        if (p.services() == null || p.services().isEmpty()) {
            v.add(new Violation("projet.services", "au moins un service est attendu (ex. COWORKING, ATELIER_PARTAGE, MEDIATION_NUMERIQUE)"));
        } else if (p.services().size() > 30) {
            v.add(new Violation("projet.services", "30 services au plus"));
        } else {
            for (int i = 0; i < p.services().size(); i++) {
                String s = p.services().get(i);
                if (s == null || !SERVICE.matcher(s).matches()) {
                    v.add(new Violation("projet.services[" + i + "]", "un service s'écrit en majuscules et sans accent, mots séparés par « _ » (ex. FABLAB) ; reçu : « " + s + " »"));
                }
            }
        }
        texte(v, "projet.partenaires", p.partenaires(), 2, 2000);
        texte(v, "projet.gouvernance", p.gouvernance(), 2, 2000);
        BigDecimal etp = p.etpFinances();
        if (etp == null) {
            v.add(new Violation("projet.etpFinances", "le nombre d'emplois en équivalent temps plein financés est obligatoire (ex. 1.5)"));
        } else if (etp.signum() < 0 || etp.compareTo(BigDecimal.valueOf(100)) > 0 || etp.scale() > 2) {
            v.add(new Violation("projet.etpFinances", "attendu : un nombre d'ETP entre 0 et 100, deux décimales au plus ; reçu : " + etp.toPlainString()));
        }
    }

    private void montants(List<Violation> v, MontantsDemandes m) {
        if (m == null) {
            v.add(new Violation("montantsDemandes", "les montants demandés pour les 3 années sont obligatoires (annee1, annee2, annee3, en euros)"));
            return;
        }
        Integer[] valeurs = {m.annee1(), m.annee2(), m.annee3()};
        for (int i = 0; i < valeurs.length; i++) {
            if (valeurs[i] == null) {
                v.add(new Violation("montantsDemandes.annee" + (i + 1), "montant obligatoire : un nombre entier d'euros"));
            } else if (valeurs[i] < 0) {
                v.add(new Violation("montantsDemandes.annee" + (i + 1), "le montant doit être positif ou nul (reçu : "
                        + PlafondsFinancement.euros(valeurs[i]) + ")"));
            }
        }
    }

    private static void texte(List<Violation> v, String champ, String valeur, int min, int max) {
        if (valeur == null || valeur.isBlank()) {
            v.add(new Violation(champ, "champ obligatoire (" + min + " à " + max + " caractères)"));
        } else if (valeur.strip().length() < min || valeur.length() > max) {
            v.add(new Violation(champ, "attendu : " + min + " à " + max + " caractères ; reçu : " + valeur.length()));
        }
    }

    /** @return whether the value is present and well formed */
    private static boolean format(List<Violation> v, String champ, String valeur, Pattern motif, String attendu) {
        if (valeur == null || valeur.isBlank()) {
            v.add(new Violation(champ, "champ obligatoire : " + attendu));
            return false;
        } else if (!motif.matcher(valeur).matches()) {
            v.add(new Violation(champ, "attendu : " + attendu + " ; reçu : « " + valeur + " »"));
            return false;
        }
        return true;
    }

    private static <E extends Enum<E>> E enumeration(List<Violation> v, String champ, String valeur, Class<E> type, boolean obligatoire) {
        String permises = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (valeur == null || valeur.isBlank()) {
            if (obligatoire) {
                v.add(new Violation(champ, "champ obligatoire ; valeurs permises : " + permises));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, valeur);
        } catch (IllegalArgumentException e) {
            v.add(new Violation(champ, "valeur inconnue « " + valeur + " » ; valeurs permises : " + permises));
            return null;
        }
    }
}
