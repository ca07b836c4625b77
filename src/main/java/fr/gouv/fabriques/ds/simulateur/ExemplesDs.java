package fr.gouv.fabriques.ds.simulateur;

import fr.gouv.fabriques.ds.simulateur.SimulateurDs.ChampSim;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs.Descripteur;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs.FichierSim;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The two simulated procedures — their forms use the field ids of the default mapping files
 * ({@code ds/correspondance-*.properties}) — and sample dossiers (demo mode, tests).
 */
public final class ExemplesDs {

    public static final int DEMARCHE_TERRITOIRE = 90001;
    public static final int DEMARCHE_NUMERIQUES = 90002;

    private ExemplesDs() {
    }

    /** The descriptor id of field number {@code n} of a simulated form (as DS: an opaque base64 id). */
    public static String id(int n) {
        return Base64.getEncoder().encodeToString(("Champ-" + n).getBytes(StandardCharsets.UTF_8));
    }

    public static void demarches(SimulateurDs sim) {
        sim.ajouterDemarche(DEMARCHE_TERRITOIRE, "Fabriques de Territoire", formulaire(100, true));
        sim.ajouterDemarche(DEMARCHE_NUMERIQUES, "Fabriques numériques de territoire", formulaire(200, false));
    }

    private static List<Descripteur> formulaire(int base, boolean categorie) {
        List<Descripteur> l = new ArrayList<>();
        if (categorie) {
            l.add(new Descripteur(id(base + 1), "Catégorie de la Fabrique", "drop_down_list", true));
        }
        String[][] champs = {{"2", "Raison sociale de la structure porteuse", "text"}, {"3", "SIRET de la structure porteuse", "siret"},
            {"4", "Forme juridique", "drop_down_list"}, {"5", "Adresse du tiers-lieu (numéro et voie)", "text"},
            {"6", "Commune du tiers-lieu", "communes"}, {"7", "Code du quartier prioritaire (QPV), le cas échéant", "text"},
            {"8", "Nom de la personne à contacter", "text"}, {"9", "Téléphone de la personne à contacter", "phone"},
            {"10", "Nom du projet de Fabrique", "text"}, {"11", "Description du projet", "textarea"},
            {"12", "Services proposés", "multiple_drop_down_list"}, {"13", "Partenaires du projet", "textarea"},
            {"14", "Gouvernance", "textarea"}, {"15", "Équivalents temps plein financés", "decimal_number"},
            {"16", "Montant demandé pour l'année 1 (€)", "integer_number"}, {"17", "Montant demandé pour l'année 2 (€)", "integer_number"},
            {"18", "Montant demandé pour l'année 3 (€)", "integer_number"}, {"19", "Statuts de la structure", "piece_justificative"},
            {"20", "Budget prévisionnel sur 3 ans", "piece_justificative"}, {"21", "RIB de la structure", "piece_justificative"}};
        for (String[] c : champs) {
            l.add(new Descripteur(id(base + Integer.parseInt(c[0])), c[1], c[2], !c[0].equals("7")));
        }
        return l;
    }

    /** A complete, valid dossier of the procedure (Nevers, an association), with a PDF for its statutes. */
    public static List<ChampSim> champsValides(int demarche, String siret, String nom) {
        int b = demarche == DEMARCHE_TERRITOIRE ? 100 : 200;
        List<ChampSim> l = new ArrayList<>();
        if (demarche == DEMARCHE_TERRITOIRE) {
            l.add(ChampSim.liste(id(b + 1), "Catégorie de la Fabrique", "Fabrique hors des grands centres urbains"));
        }
        l.add(ChampSim.texte(id(b + 2), "Raison sociale de la structure porteuse", "Association " + nom));
        l.add(ChampSim.siret(id(b + 3), "SIRET de la structure porteuse", siret));
        l.add(ChampSim.liste(id(b + 4), "Forme juridique", "Association loi 1901"));
        l.add(ChampSim.texte(id(b + 5), "Adresse du tiers-lieu (numéro et voie)", "12 rue des Forges"));
        l.add(ChampSim.commune(id(b + 6), "Commune du tiers-lieu", "Nevers", "58194", "58000", "58"));
        if (demarche == DEMARCHE_NUMERIQUES) {
            l.add(ChampSim.texte(id(b + 7), "Code du quartier prioritaire (QPV), le cas échéant", "QP058001"));
        }
        l.add(ChampSim.texte(id(b + 8), "Nom de la personne à contacter", "Camille Martin"));
        l.add(ChampSim.texte(id(b + 9), "Téléphone de la personne à contacter", "03 86 00 00 00"));
        l.add(ChampSim.texte(id(b + 10), "Nom du projet de Fabrique", nom));
        l.add(ChampSim.texte(id(b + 11), "Description du projet", "Tiers-lieu : atelier partagé, coworking, médiation numérique."));
        l.add(ChampSim.choixMultiple(id(b + 12), "Services proposés", List.of("Espace de travail partagé (coworking)", "Atelier partagé")));
        l.add(ChampSim.texte(id(b + 13), "Partenaires du projet", "Communauté de communes, CAF"));
        l.add(ChampSim.texte(id(b + 14), "Gouvernance", "Collège des usagers"));
        l.add(ChampSim.decimal(id(b + 15), "Équivalents temps plein financés", "1.5"));
        l.add(ChampSim.entier(id(b + 16), "Montant demandé pour l'année 1 (€)", 50000));
        l.add(ChampSim.entier(id(b + 17), "Montant demandé pour l'année 2 (€)", 50000));
        l.add(ChampSim.entier(id(b + 18), "Montant demandé pour l'année 3 (€)", 40000));
        l.add(ChampSim.pieces(id(b + 19), "Statuts de la structure", FichierSim.sain("statuts-" + siret + ".pdf", "application/pdf", pdf(nom))));
        return l;
    }

    /** A minimal PDF (our type check reads the content). */
    public static byte[] pdf(String texte) {
        return ("%PDF-1.4\n% " + texte + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A dozen sample dossiers of both procedures, one left incomplete (its applicant will get a correction request). */
    public static void dossiers(SimulateurDs sim) {
        String[] noms = {"La Forge du Val", "Le Chai numérique", "Tiers-lieu des Amognes", "La Grange partagée", "L'Atelier du canal",
            "La Fabrique des Bords de Loire", "Le Bocal", "La Ruche du Morvan", "Les Communs de Saint-Éloi", "Le Moulin connecté",
            "La Cantine des possibles", "L'Établi"};
        for (int i = 0; i < noms.length; i++) {
            int demarche = i % 3 == 1 ? DEMARCHE_NUMERIQUES : DEMARCHE_TERRITOIRE;
            String siret = siret(700_000_00 + 1_234 * (i + 1));
            List<ChampSim> champs = new ArrayList<>(champsValides(demarche, siret, noms[i]));
            if (i == noms.length - 1) {
                // No amounts: our validation refuses it, the applicant is asked to correct it on DS.
                champs.removeIf(c -> c.type().equals("IntegerNumberChamp"));
            }
            sim.deposer(demarche, "porteur" + (i + 1) + "@exemple.fr", siret, champs);
        }
    }

    /** A valid SIRET (Luhn) from 8 digits: SIREN with its key, head office 0001 with its key. */
    public static String siret(int huitChiffres) {
        String siren = avecCle(String.format("%08d", huitChiffres));
        return avecCle(siren + "0001");
    }

    private static String avecCle(String base) {
        for (int c = 0; c <= 9; c++) {
            String candidat = base + c;
            int somme = 0;
            for (int i = 0; i < candidat.length(); i++) {
                int d = candidat.charAt(candidat.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                somme += d;
            }
            if (somme % 10 == 0) {
                return candidat;
            }
        }
        throw new IllegalStateException();
    }
}
