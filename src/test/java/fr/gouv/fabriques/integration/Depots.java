package fr.gouv.fabriques.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid deposits of the API contract (OpenAPI, README), each for its own company (SIREN) so that tests never collide. */
public final class Depots {

    private static final AtomicInteger COMPTEUR = new AtomicInteger();
    private static final int DEBUT = (int) Math.floorMod(System.nanoTime(), 89_000_000L);

    private Depots() {
    }

    /**
     * A fresh valid SIREN (8 varying digits and a Luhn check digit), a different company at each call:
     * « une Fabrique par structure » is judged on the SIREN. Between 100000000 and 989999999, so never
     * La Poste's 356000000 (another checksum rule) nor one of {@link GrandeVague#siret(long)} (leading 0).
     */
    static String siren() {
        int n;
        do {
            n = 10_000_000 + Math.floorMod(DEBUT + COMPTEUR.incrementAndGet(), 89_000_000);
        } while (n == 35_600_000);
        return avecCle(String.valueOf(n));
    }

    /** A fresh valid SIRET: the head office of a fresh company ({@link #siren()}). */
    static String siret() {
        return siret(siren(), 1);
    }

    /** The valid SIRET of an establishment of the company: SIREN, 4 digits of the establishment, Luhn check digit. */
    static String siret(String siren, int etablissement) {
        return avecCle(siren + String.format("%04d", etablissement));
    }

    /** The base followed by the digit that makes its Luhn checksum hold (SIREN, SIRET). */
    public static String avecCle(String base) {
        for (int c = 0; c <= 9; c++) {
            String candidat = base + c;
            if (luhn(candidat)) {
                return candidat;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String s) {
        int somme = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(s.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                c = c * 2 > 9 ? c * 2 - 9 : c * 2;
            }
            somme += c;
        }
        return somme % 10 == 0;
    }

    static ObjectNode valide() {
        try {
            ObjectNode n = (ObjectNode) Http.JSON.readTree("""
                {
                  "appel": "FABRIQUES_TERRITOIRE",
                  "categorie": "HORS_GRANDS_CENTRES",
                  "structure": {
                    "raisonSociale": "Association La Fabrique du Val",
                    "siret": "73282932000074",
                    "formeJuridique": "ASSOCIATION",
                    "adresse": {
                      "ligne": "12 rue des Forges", "codePostal": "58000", "commune": "Nevers",
                      "codeInsee": "58194", "departement": "58", "region": "27"
                    },
                    "codeQpv": null
                  },
                  "contact": { "nom": "Camille Martin", "email": "camille@fabrique-du-val.fr", "telephone": "0386000000" },
                  "projet": {
                    "nom": "La Fabrique du Val",
                    "description": "Tiers-lieu rural : atelier partagé, coworking, médiation numérique…",
                    "services": ["COWORKING", "ATELIER_PARTAGE", "MEDIATION_NUMERIQUE"],
                    "partenaires": "Communauté de communes, lycée agricole, CAF",
                    "gouvernance": "Collège des usagers, conseil d'administration mensuel",
                    "etpFinances": 1.5
                  },
                  "montantsDemandes": { "annee1": 50000, "annee2": 50000, "annee3": 40000 }
                }
                """);
            ((ObjectNode) n.get("structure")).put("siret", siret());
            return n;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
