package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.simulation.SimulerRegles;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * The fields of a simulation request, the same for the agents' API and the page: received as
 * text and files, untrusted, checked here for their form (numbers, sizes) and by
 * {@link SimulerRegles} for their meaning. Every fault is named in French (422).
 */
record FormulaireSimulation(MultipartFile eligibilite, MultipartFile notation, String deploiement, List<String> vagues,
        String quotaHorsGrandsCentres, String quotaQpv, String quotaNumeriqueQpv, String enveloppe) {

    SimulerRegles.Demande demande() {
        List<Violation> violations = new ArrayList<>();
        byte[] e = fichier("eligibilite", eligibilite, violations);
        byte[] n = fichier("notation", notation, violations);
        Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
        quota(Categorie.HORS_GRANDS_CENTRES, "quotaHorsGrandsCentres", quotaHorsGrandsCentres, quotas, violations);
        quota(Categorie.QPV, "quotaQpv", quotaQpv, quotas, violations);
        quota(Categorie.NUMERIQUE_QPV, "quotaNumeriqueQpv", quotaNumeriqueQpv, quotas, violations);
        Long env = null;
        if (enveloppe != null && !enveloppe.isBlank()) {
            try {
                env = Long.parseLong(enveloppe.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", ""));
            } catch (NumberFormatException x) {
                violations.add(new Violation("enveloppe", "enveloppe attendue en euros, nombre entier (reçu : « " + court(enveloppe) + " »)"));
            }
        }
        List<String> codes = new ArrayList<>();
        if (vagues != null) {
            for (String v : vagues) {
                if (v != null) {
                    Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(codes::add);
                }
            }
        }
        if (codes.size() > 200) {
            violations.add(new Violation("vagues", "200 vagues au plus"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        String d = deploiement == null || deploiement.isBlank() ? null : deploiement.strip();
        if (d != null && d.length() > 64) {
            throw new ErreursValidation("deploiement", "identifiant de déploiement attendu (64 caractères au plus)");
        }
        return new SimulerRegles.Demande(e, n, d, codes, quotas, env);
    }

    private static byte[] fichier(String champ, MultipartFile f, List<Violation> violations) {
        if (f == null || (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))) {
            return null;
        }
        if (f.getSize() > SimulerRegles.TAILLE_MAX_TABLE) {
            violations.add(new Violation(champ, "le fichier dépasse " + SimulerRegles.TAILLE_MAX_TABLE / 1024
                    + " Ko : une table du programme pèse quelques Ko"));
            return null;
        }
        try {
            return f.getBytes();
        } catch (IOException e) {
            violations.add(new Violation(champ, "le fichier n'a pas pu être lu en entier : envoyez-le à nouveau"));
            return null;
        }
    }

    private static void quota(Categorie c, String champ, String valeur, Map<Categorie, Integer> quotas, List<Violation> violations) {
        if (valeur == null || valeur.isBlank()) {
            return;
        }
        try {
            quotas.put(c, Integer.parseInt(valeur.strip()));
        } catch (NumberFormatException e) {
            violations.add(new Violation(champ, "quota attendu : un nombre entier de Fabriques (reçu : « " + court(valeur) + " »)"));
        }
    }

    private static String court(String s) {
        String t = s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
