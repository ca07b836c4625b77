package fr.gouv.fabriques.application.fiche;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Sheets for the renderers' tests: one that reached every part, one just deposited. */
public final class Fiches {

    /** 3 mars 2026 à 14 h 05, heure de Paris. */
    public static final Instant LE_3_MARS = Instant.parse("2026-03-03T13:05:00Z");
    public static final Instant LE_10_MARS = Instant.parse("2026-03-10T08:30:00Z");

    private Fiches() {
    }

    public static FicheDossier.Structure structure(String raisonSociale) {
        return new FicheDossier.Structure(raisonSociale, "73282932000074", "ASSOCIATION", "association", "12 rue des Forges", "58000",
                "Nevers", "58194", "58", "27", null);
    }

    public static FicheDossier.Montants montants(int a1, int a2, int a3) {
        return new FicheDossier.Montants(a1, a2, a3, a1 + a2 + a3);
    }

    public static FicheDossier deposee() {
        return new FicheDossier("FDT-2026-0001", "EN_INSTRUCTION", "en instruction", LE_3_MARS, LE_3_MARS,
                structure("Association La Fabrique du Val"), new FicheDossier.Contact("Camille Martin", "camille@fabrique-du-val.fr", "0386000000"),
                new FicheDossier.Projet("La Fabrique du Val", "Tiers-lieu rural", List.of("COWORKING", "ATELIER_PARTAGE"), null, null,
                        new BigDecimal("1.50")),
                new FicheDossier.Demande("FABRIQUES_TERRITOIRE", "Fabriques de territoire", "HORS_GRANDS_CENTRES",
                        "Fabrique de territoire hors grands centres urbains", "FDT-2026-T2", montants(50_000, 50_000, 40_000)),
                List.of(), null, null, null, null, null, null, null, List.of());
    }

    public static FicheDossier complete() {
        FicheDossier d = deposee();
        return new FicheDossier(d.numero(), "CONVENTIONNE", "conventionné", d.deposeLe(), LE_10_MARS, d.structure(), d.contact(), d.projet(),
                d.demande(),
                List.of(new FicheDossier.Piece(12, "statuts.pdf", "STATUTS", "statuts", "application/pdf", "PDF", 120 * 1024, LE_3_MARS,
                        "/api/agents/dossiers/FDT-2026-0001/pieces/12")),
                new FicheDossier.Completude(true, null, "instructeur", LE_10_MARS, null, List.of(
                        new FicheDossier.Echange(LE_3_MARS, "instructeur", "DEMANDE_COMPLEMENTS", "Pièces demandées : RIB"),
                        new FicheDossier.Echange(LE_3_MARS, "porteur", "COMPLEMENTS_RECUS", "Compléments reçus : RIB joint"),
                        new FicheDossier.Echange(LE_10_MARS, "instructeur", "COMPLETUDE", "Dossier complet"))),
                new FicheDossier.AvisTerritorial("RESERVE", false, "Besoin local peu documenté", "referent-58", LE_10_MARS),
                new FicheDossier.Instruction(List.of(
                        new FicheDossier.Note("GOUVERNANCE", "Gouvernance et animation par un collectif identifié", 4, 20),
                        new FicheDossier.Note("EMPLOI", "Financement d'au moins un emploi à temps plein", 3, 10)),
                        true, new BigDecimal("76.0"), "FAVORABLE", montants(50_000, 50_000, 50_000), "Projet solide et bien ancré",
                        "instructeur", LE_10_MARS, 1),
                new FicheDossier.Validation(new FicheDossier.DecisionValidation("VALIDEE", null, "gestionnaire", LE_10_MARS),
                        "Revoir les montants de l'année 3", false, List.of(
                                new FicheDossier.DecisionValidation("A_REVOIR", "Revoir les montants de l'année 3", "gestionnaire2", LE_3_MARS),
                                new FicheDossier.DecisionValidation("VALIDEE", null, "gestionnaire", LE_10_MARS))),
                new FicheDossier.Comite(
                        new FicheDossier.DecisionComite("FDT-2026-T3", "LAUREAT", "lauréat", "PUBLIEE", montants(50_000, 50_000, 50_000),
                                "Projet exemplaire", "comite", LE_10_MARS, "gestionnaire", LE_10_MARS),
                        List.of(new FicheDossier.DecisionComite("FDT-2026-T2", "AJOURNE", "ajourné à la vague suivante", "PUBLIEE", null,
                                        "Attendre le budget", "comite", LE_3_MARS, "gestionnaire", LE_3_MARS),
                                new FicheDossier.DecisionComite("FDT-2026-T3", "LAUREAT", "lauréat", "PUBLIEE", montants(50_000, 50_000, 50_000),
                                        "Projet exemplaire", "comite", LE_10_MARS, "gestionnaire", LE_10_MARS))),
                new FicheDossier.Convention("CONV-FDT-2026-0001", "SIGNEE", "signée par les deux parties", montants(50_000, 50_000, 50_000), 0,
                        LE_3_MARS, LE_10_MARS, "Camille Martin, présidente", LE_10_MARS, "gestionnaire",
                        "/api/agents/dossiers/FDT-2026-0001/convention", "/api/agents/dossiers/FDT-2026-0001/convention/signee"),
                new FicheDossier.Versements(
                        List.of(new FicheDossier.Versement(1, 50_000, "EMIS", "financier", LE_10_MARS, "financier2", LE_10_MARS, LE_10_MARS, "VIR-FDT-2026-0001-1"),
                                new FicheDossier.Versement(2, 50_000, "PREVU", null, null, null, null, null, null)),
                        List.of(new FicheDossier.Bilan(1, LE_10_MARS, "Bonne année", "APPROUVE", null, "instructeur", LE_10_MARS)),
                        List.of(new FicheDossier.Reversement(10_000, "Dépenses non justifiées", "gestionnaire", LE_10_MARS)), 50_000, 10_000),
                List.of(new FicheDossier.EntreeJournal(LE_3_MARS, "porteur", "DEPOT", "Dossier déposé", true),
                        new FicheDossier.EntreeJournal(LE_10_MARS, "gestionnaire", "VALIDATION_PROPOSITION",
                                "Proposition renvoyée à l'instructeur : Revoir les montants de l'année 3", false)));
    }
}
