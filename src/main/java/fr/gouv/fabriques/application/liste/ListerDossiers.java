package fr.gouv.fabriques.application.liste;

import fr.gouv.fabriques.application.LecteursDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.ListeDossiersRepository;
import fr.gouv.fabriques.application.port.Tableurs;
import fr.gouv.fabriques.application.port.Tableurs.Colonne;
import fr.gouv.fabriques.application.port.Tableurs.EcrivainTableur;
import fr.gouv.fabriques.application.port.Tableurs.FormatExport;
import fr.gouv.fabriques.application.port.Tableurs.TypeColonne;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * All the dossiers, for agents (README « Tous les dossiers et exports »): a filtered, sorted page,
 * or the whole filtered list exported as CSV, XLSX or ODS, streamed from the database to the
 * response. Who reads what is the rule of the dossier sheet ({@link LecteursDossier}): the
 * national teams every dossier, a territorial referent those of his départements only.
 */
@Service
public class ListerDossiers {

    /** The largest page. */
    public static final int TAILLE_MAX = 200;
    public static final int TAILLE_DEFAUT = 50;

    private final ListeDossiersRepository source;
    private final Tableurs tableurs;

    public ListerDossiers(ListeDossiersRepository source, Tableurs tableurs) {
        this.source = source;
        this.tableurs = tableurs;
    }

    public PageDossiers page(FiltreDossiers filtre, TriDossiers tri, boolean descendant, int page, int taille, Agent agent) {
        if (page < 0 || taille < 1 || taille > TAILLE_MAX) {
            throw new IllegalArgumentException("page " + page + ", taille " + taille);
        }
        return source.page(filtre.dans(portee(agent)), tri, descendant, page, taille);
    }

    /** Writes every dossier of the filter to {@code sortie}; returns how many. */
    public long exporter(FiltreDossiers filtre, TriDossiers tri, boolean descendant, Agent agent, FormatExport format, OutputStream sortie)
            throws IOException {
        try (EcrivainTableur ecrivain = tableurs.ouvrir(format, sortie, "Dossiers", COLONNES.stream().map(ColonneExport::colonne).toList())) {
            List<Object> valeurs = new ArrayList<>(COLONNES.size());
            return source.parcourir(filtre.dans(portee(agent)), tri, descendant, ligne -> {
                valeurs.clear();
                for (ColonneExport c : COLONNES) {
                    valeurs.add(c.valeur().apply(ligne));
                }
                try {
                    ecrivain.ligne(valeurs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The départements an agent reaches: null (all) for the national teams, those of his {@code referents-NN} groups otherwise. */
    static Set<String> portee(Agent agent) {
        if (agent.appartientAUnDe(LecteursDossier.GROUPES_NATIONAUX)) {
            return null;
        }
        return agent.groupes().stream().filter(g -> g.startsWith(LecteursDossier.PREFIXE_REFERENTS))
                .map(g -> g.substring(LecteursDossier.PREFIXE_REFERENTS.length())).filter(d -> !d.equals("territoriaux"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A column of the exports: its title, its type and where its value comes from. */
    record ColonneExport(Colonne colonne, Function<LigneExport, Object> valeur) {
    }

    /** The exports' columns, in order. */
    public static List<Colonne> colonnes() {
        return COLONNES.stream().map(ColonneExport::colonne).toList();
    }

    private static final List<ColonneExport> COLONNES = colonnesExport();

    private static List<ColonneExport> colonnesExport() {
        List<ColonneExport> c = new ArrayList<>();
        texte(c, "Numéro", LigneExport::numero);
        texte(c, "Structure", LigneExport::raisonSociale);
        texte(c, "SIRET", LigneExport::siret);
        texte(c, "Forme juridique", l -> libelle(l.formeJuridique(), v -> FormeJuridique.valueOf(v).libelle()));
        texte(c, "Adresse", LigneExport::adresse);
        texte(c, "Code postal", LigneExport::codePostal);
        texte(c, "Commune", LigneExport::commune);
        texte(c, "Code INSEE", LigneExport::codeInsee);
        texte(c, "Département", LigneExport::departement);
        texte(c, "Région", LigneExport::region);
        texte(c, "Code QPV", LigneExport::codeQpv);
        texte(c, "Projet", LigneExport::projetNom);
        texte(c, "Description du projet", LigneExport::projetDescription);
        texte(c, "Services", LigneExport::projetServices);
        texte(c, "Partenaires", LigneExport::projetPartenaires);
        texte(c, "Gouvernance", LigneExport::projetGouvernance);
        c.add(new ColonneExport(new Colonne("Emplois financés (ETP)", TypeColonne.DECIMAL), LigneExport::projetEtpFinances));
        texte(c, "Catégorie", l -> libelle(l.categorie(), v -> Categorie.valueOf(v).libelle()));
        texte(c, "Appel", l -> libelle(l.appel(), v -> Appel.valueOf(v).libelle()));
        texte(c, "Vague", LigneExport::vague);
        texte(c, "Statut", l -> libelle(l.statut(), v -> StatutDossier.valueOf(v).libelle()));
        texte(c, "Code du statut", LigneExport::statut);
        entier(c, "Demandé année 1 (€)", LigneExport::demande1);
        entier(c, "Demandé année 2 (€)", LigneExport::demande2);
        entier(c, "Demandé année 3 (€)", LigneExport::demande3);
        entier(c, "Demandé total (€)", l -> somme(l.demande1(), l.demande2(), l.demande3()));
        entier(c, "Proposé année 1 (€)", LigneExport::propose1);
        entier(c, "Proposé année 2 (€)", LigneExport::propose2);
        entier(c, "Proposé année 3 (€)", LigneExport::propose3);
        entier(c, "Proposé total (€)", l -> somme(l.propose1(), l.propose2(), l.propose3()));
        entier(c, "Décidé année 1 (€)", LigneExport::decide1);
        entier(c, "Décidé année 2 (€)", LigneExport::decide2);
        entier(c, "Décidé année 3 (€)", LigneExport::decide3);
        entier(c, "Décidé total (€)", l -> somme(l.decide1(), l.decide2(), l.decide3()));
        entier(c, "Convention année 1 (€)", LigneExport::conventionne1);
        entier(c, "Convention année 2 (€)", LigneExport::conventionne2);
        entier(c, "Convention année 3 (€)", LigneExport::conventionne3);
        entier(c, "Soutien numérique (€)", LigneExport::supplementNumerique);
        entier(c, "Versé (€)", LigneExport::verse);
        entier(c, "Reversement ordonné (€)", LigneExport::reverseOrdonne);
        entier(c, "Reversement reçu (€)", LigneExport::reverseRecu);
        c.add(new ColonneExport(new Colonne("Score /100", TypeColonne.DECIMAL), LigneExport::score));
        entier(c, "Note gouvernance /5", LigneExport::noteGouvernance);
        entier(c, "Note partenariats /5", LigneExport::notePartenariats);
        entier(c, "Note besoin local /5", LigneExport::noteBesoinLocal);
        entier(c, "Note offre de services /5", LigneExport::noteOffreServices);
        entier(c, "Note modèle économique /5", LigneExport::noteModeleEconomique);
        entier(c, "Note emploi /5", LigneExport::noteEmploi);
        texte(c, "Complétude", l -> l.complet() == null ? null : l.complet() ? "complet" : "incomplet");
        texte(c, "Pièces manquantes", LigneExport::piecesManquantes);
        texte(c, "Avis du référent", l -> l.avisAbsent() ? "absence d'avis constatée" : libelle(l.avisReferent(), v -> Avis.valueOf(v).libelle()));
        texte(c, "Motivation de l'avis", LigneExport::avisMotivation);
        texte(c, "Avis donné par", LigneExport::avisPar);
        texte(c, "Recommandation de l'instruction", l -> libelle(l.recommandation(), v -> Avis.valueOf(v).libelle()));
        texte(c, "Motivation de la proposition", LigneExport::propositionMotif);
        texte(c, "Instruit par", LigneExport::instruitPar);
        texte(c, "Validation de la proposition", l -> libelle(l.validation(), v -> "VALIDEE".equals(v) ? "validée" : "à revoir"));
        texte(c, "Commentaire de validation", LigneExport::validationCommentaire);
        texte(c, "Validée par", LigneExport::valideePar);
        texte(c, "Décision du comité", l -> libelle(l.decisionComite(), v -> switch (v) {
            case "LAUREAT" -> "lauréat";
            case "REFUSE" -> "refusé";
            case "AJOURNE" -> "ajourné";
            default -> v;
        }));
        texte(c, "Décision publiée", l -> libelle(l.decisionEtat(), v -> "PUBLIEE".equals(v) ? "oui" : "non (proposée)"));
        texte(c, "Motivation du comité", LigneExport::decisionMotivation);
        texte(c, "Convention", LigneExport::conventionStatut);
        texte(c, "Fin avant terme", l -> libelle(l.finNature(), v -> switch (v) {
            case "RETRAIT" -> "retrait par le porteur";
            case "RENONCIATION" -> "renonciation du lauréat";
            case "ANNULATION" -> "annulation par l'État";
            default -> v;
        }));
        texte(c, "Motif de la fin", LigneExport::finMotif);
        date(c, "Dépôt", LigneExport::deposeLe);
        date(c, "Complétude vérifiée", LigneExport::completudeLe);
        date(c, "Avis du référent le", LigneExport::avisLe);
        date(c, "Instruction", LigneExport::instruitLe);
        date(c, "Validation", LigneExport::valideeLe);
        date(c, "Décision du comité le", LigneExport::decideLe);
        date(c, "Publication de la décision", LigneExport::publieeLe);
        date(c, "Convention établie", LigneExport::conventionEtablieLe);
        date(c, "Signature du porteur", LigneExport::signeePorteurLe);
        date(c, "Signature de l'État", LigneExport::signeeEtatLe);
        date(c, "Versement année 1 émis", LigneExport::versement1Le);
        date(c, "Versement année 2 émis", LigneExport::versement2Le);
        date(c, "Versement année 3 émis", LigneExport::versement3Le);
        date(c, "Fin avant terme le", LigneExport::finLe);
        return List.copyOf(c);
    }

    private static void texte(List<ColonneExport> c, String titre, Function<LigneExport, String> valeur) {
        c.add(new ColonneExport(new Colonne(titre, TypeColonne.TEXTE), valeur::apply));
    }

    private static void entier(List<ColonneExport> c, String titre, Function<LigneExport, Number> valeur) {
        c.add(new ColonneExport(new Colonne(titre, TypeColonne.ENTIER), valeur::apply));
    }

    private static void date(List<ColonneExport> c, String titre, Function<LigneExport, Instant> valeur) {
        c.add(new ColonneExport(new Colonne(titre, TypeColonne.DATE_HEURE), l -> {
            Instant i = valeur.apply(l);
            return i == null ? null : LocalDateTime.ofInstant(i, Vague.FUSEAU);
        }));
    }

    private static String libelle(String code, Function<String, String> libelle) {
        if (code == null) {
            return null;
        }
        try {
            return libelle.apply(code);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static Long somme(Integer a, Integer b, Integer c) {
        return a == null || b == null || c == null ? null : (long) a + b + c;
    }
}
