package fr.gouv.fabriques.application.ds;

import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.ChampDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DossierDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.FichierDs;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.CategoriePiece;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field mapping of one DS procedure (a committed {@code .properties} file, documented in itself and in the README):
 * which DS field ({@code champDescriptorId}) fills which field of our deposit, how DS list labels translate to our codes,
 * which attachment field holds which kind of piece. It only moves values: the deposit is then validated by the same
 * {@code DeposerDossier} as the API, and an error names our field path, which {@link #libelle} turns back into the DS
 * label the applicant sees.
 */
public final class CorrespondanceChamps {

    /** Our deposit's fields a mapping may fill (the API's paths). */
    public static final Set<String> CHEMINS = Set.of("categorie", "structure.raisonSociale", "structure.siret", "structure.formeJuridique",
            "structure.adresse.ligne", "structure.adresse", "structure.codeQpv", "contact.nom", "contact.email", "contact.telephone",
            "projet.nom", "projet.description", "projet.services", "projet.partenaires", "projet.gouvernance", "projet.etpFinances",
            "montantsDemandes.annee1", "montantsDemandes.annee2", "montantsDemandes.annee3");

    /** French names of our fields, when the DS form has no field for them. */
    private static final Map<String, String> NOMS = Map.ofEntries(Map.entry("categorie", "Catégorie de la Fabrique"),
            Map.entry("structure", "Structure porteuse"), Map.entry("structure.raisonSociale", "Raison sociale"),
            Map.entry("structure.siret", "SIRET"), Map.entry("structure.formeJuridique", "Forme juridique"),
            Map.entry("structure.adresse", "Adresse du tiers-lieu"), Map.entry("structure.codeQpv", "Code QPV"),
            Map.entry("contact", "Contact"), Map.entry("contact.email", "Adresse électronique du contact"),
            Map.entry("contact.nom", "Nom du contact"), Map.entry("contact.telephone", "Téléphone du contact"),
            Map.entry("projet", "Projet"), Map.entry("montantsDemandes", "Montants demandés"), Map.entry("vague", "Vague de dépôt"),
            Map.entry("fichier", "Pièces jointes"), Map.entry("appel", "Appel à projets"));

    private final String source;
    private final Appel appel;
    private final Map<String, String> champs = new LinkedHashMap<>();
    private final Map<String, String> constantes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> valeurs = new LinkedHashMap<>();
    private final Map<String, CategoriePiece> pieces = new LinkedHashMap<>();

    private CorrespondanceChamps(String source, Properties p) {
        this.source = source;
        String a = p.getProperty("appel");
        if (a == null) {
            throw invalide("la ligne « appel = FABRIQUES_TERRITOIRE | FABRIQUES_NUMERIQUES » manque");
        }
        try {
            this.appel = Appel.valueOf(a.strip());
        } catch (IllegalArgumentException e) {
            throw invalide("appel inconnu « " + a + " »");
        }
        for (String cle : new TreeSet<>(p.stringPropertyNames())) {
            String v = p.getProperty(cle).strip();
            if (cle.equals("appel")) {
                continue;
            } else if (cle.startsWith("champ.")) {
                champs.put(chemin(cle.substring(6)), v);
            } else if (cle.startsWith("constante.")) {
                constantes.put(chemin(cle.substring(10)), v);
            } else if (cle.startsWith("valeur.")) {
                String reste = cle.substring(7);
                int point = reste.lastIndexOf('.');
                if (point < 0) {
                    throw invalide("« " + cle + " » : attendu valeur.<chemin>.<CODE>");
                }
                String chemin = chemin(reste.substring(0, point));
                for (String libelle : v.split("\\|")) {
                    valeurs.computeIfAbsent(chemin, c -> new LinkedHashMap<>()).put(normaliser(libelle), reste.substring(point + 1));
                }
            } else if (cle.startsWith("piece.")) {
                try {
                    pieces.put(v, CategoriePiece.valueOf(cle.substring(6)));
                } catch (IllegalArgumentException e) {
                    throw invalide("catégorie de pièce inconnue « " + cle.substring(6) + " »");
                }
            } else {
                throw invalide("ligne inconnue « " + cle + " »");
            }
        }
    }

    public static CorrespondanceChamps lire(String source, InputStream in) {
        Properties p = new Properties();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CorrespondanceChamps(source, p);
    }

    public Appel appel() {
        return appel;
    }

    /** descriptor id → our field path, for the descriptors listing (which DS field is used for what). */
    public Map<String, String> usages() {
        Map<String, String> u = new LinkedHashMap<>();
        champs.forEach((chemin, id) -> u.put(id, chemin));
        pieces.forEach((id, cat) -> u.put(id, "pièce " + cat.name()));
        return u;
    }

    /** The deposit a DS dossier amounts to, as our API would receive it (unvalidated: anything may be missing or wrong). */
    public DemandeDepot demande(DossierDs d, ReferentielGeographique geo) {
        Optional<ChampDs> commune = champ(d, "structure.adresse");
        String codeInsee = commune.map(c -> c.commune() == null ? null : c.commune().codeInsee()).orElse(null);
        String region = codeInsee == null ? null : geo.commune(codeInsee).map(c -> c.region()).orElse(null);
        DemandeDepot.AdresseDemandee adresse = new DemandeDepot.AdresseDemandee(texte(d, "structure.adresse.ligne"),
                commune.map(c -> c.commune() == null ? null : c.commune().codePostal()).orElse(null),
                commune.map(c -> c.commune() == null ? null : c.commune().nom()).orElse(null), codeInsee,
                commune.map(c -> c.commune() == null ? null : c.commune().departement()).orElse(null), region);
        String siret = texte(d, "structure.siret");
        DemandeDepot.StructureDemandee structure = new DemandeDepot.StructureDemandee(texte(d, "structure.raisonSociale"),
                siret == null ? null : siret.replace(" ", ""), texte(d, "structure.formeJuridique"), adresse, vide(texte(d, "structure.codeQpv")));
        String email = texte(d, "contact.email");
        DemandeDepot.ContactDemande contact = new DemandeDepot.ContactDemande(texte(d, "contact.nom"), email != null ? email : d.emailUsager(),
                texte(d, "contact.telephone"));
        DemandeDepot.ProjetDemande projet = new DemandeDepot.ProjetDemande(texte(d, "projet.nom"), texte(d, "projet.description"),
                liste(d, "projet.services"), texte(d, "projet.partenaires"), texte(d, "projet.gouvernance"), decimal(texte(d, "projet.etpFinances")));
        DemandeDepot.MontantsDemandes montants = new DemandeDepot.MontantsDemandes(entier(texte(d, "montantsDemandes.annee1")),
                entier(texte(d, "montantsDemandes.annee2")), entier(texte(d, "montantsDemandes.annee3")));
        return new DemandeDepot(appel.name(), null, texte(d, "categorie"), structure, contact, projet, montants);
    }

    public record PieceDs(CategoriePiece categorie, FichierDs fichier) {
    }

    /** The files of the mapped attachment fields, with their kind. */
    public List<PieceDs> pieces(DossierDs d) {
        List<PieceDs> l = new ArrayList<>();
        for (ChampDs c : d.champs()) {
            CategoriePiece categorie = pieces.get(c.descripteurId());
            if (categorie != null) {
                c.fichiers().forEach(f -> l.add(new PieceDs(categorie, f)));
            }
        }
        return l;
    }

    /**
     * How the applicant knows the field behind an error of ours ({@code structure.adresse.region}, {@code projet.services[1]}):
     * the DS field's label when the form has one, else its French name.
     */
    public String libelle(String chemin, DossierDs d) {
        String c = chemin == null ? "" : chemin.replaceAll("\\[\\d+]", "");
        for (String essai = c; !essai.isEmpty(); essai = essai.contains(".") ? essai.substring(0, essai.lastIndexOf('.')) : "") {
            String id = champs.get(essai);
            if (id != null) {
                Optional<ChampDs> champ = d.champ(id);
                if (champ.isPresent() && champ.get().libelle() != null) {
                    return champ.get().libelle();
                }
            }
            if (NOMS.containsKey(essai)) {
                return NOMS.get(essai);
            }
        }
        return c.isEmpty() ? "Dossier" : c;
    }

    private Optional<ChampDs> champ(DossierDs d, String chemin) {
        String id = champs.get(chemin);
        return id == null ? Optional.empty() : d.champ(id);
    }

    private String texte(DossierDs d, String chemin) {
        if (constantes.containsKey(chemin)) {
            return constantes.get(chemin);
        }
        return champ(d, chemin).map(ChampDs::texte).map(String::strip).filter(s -> !s.isEmpty()).map(v -> traduire(chemin, v)).orElse(null);
    }

    private List<String> liste(DossierDs d, String chemin) {
        Optional<ChampDs> c = champ(d, chemin);
        if (c.isEmpty()) {
            return null;
        }
        List<String> v = c.get().valeurs().isEmpty() && c.get().texte() != null ? List.of(c.get().texte().split(",")) : c.get().valeurs();
        return v.stream().map(String::strip).filter(s -> !s.isEmpty()).map(x -> traduire(chemin, x)).toList();
    }

    private String traduire(String chemin, String valeur) {
        Map<String, String> t = valeurs.get(chemin);
        return t == null ? valeur : t.getOrDefault(normaliser(valeur), valeur);
    }

    private static String normaliser(String libelle) {
        return libelle.strip().replace('’', '\'').toLowerCase(java.util.Locale.ROOT);
    }

    private String chemin(String c) {
        if (!CHEMINS.contains(c)) {
            throw invalide("champ de dépôt inconnu « " + c + " » ; permis : " + new TreeSet<>(CHEMINS));
        }
        return c;
    }

    private IllegalStateException invalide(String message) {
        return new IllegalStateException("Correspondance des champs DS " + source + " : " + message);
    }

    private static String vide(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Unreadable numbers become null: the validator then names the field (« montant attendu »). */
    private static Integer entier(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.replace(" ", "").replace("\u202f", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
