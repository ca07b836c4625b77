package fr.gouv.fabriques.application.simulation;

import fr.gouv.fabriques.application.port.Tableurs;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.simulation.RapportSimulation;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.LigneDossier;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.ParCategorie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A simulation's report for a spreadsheet: CSV (Apache Commons CSV; « ; » separated, UTF-8 with BOM,
 * as French Excel opens it) and XLSX (Apache POI; the changed cells filled in yellow, a sheet per
 * wave summary). One line per dossier and wave where something changes.
 */
@Component
public class ExporterRapport {

    private final Tableurs tableurs;

    public ExporterRapport(Tableurs tableurs) {
        this.tableurs = tableurs;
    }

    static final List<String> COLONNES = List.of("Vague", "Numéro", "Structure", "Catégorie", "Région", "Département", "Décision du comité",
            "Avis du référent", "Éligible avant", "Éligible après", "Score avant", "Score après", "Recommandation avant",
            "Recommandation après", "Rang avant", "Rang après", "Dans le quota avant", "Dans le quota après", "Mouvement",
            "Entrées reconstituées");

    /**
     * The lines as CSV by the project's table writer ({@link Tableurs}: `;`, UTF-8 with BOM for Excel, and cells that would start a
     * formula neutralised — a structure's name is the applicant's text).
     */
    public byte[] csv(RapportSimulation rapport) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Tableurs.Colonne> colonnes = COLONNES.stream().map(c -> new Tableurs.Colonne(c, Tableurs.TypeColonne.TEXTE)).toList();
        try (Tableurs.EcrivainTableur csv = tableurs.ouvrir(Tableurs.FormatExport.CSV, out, "Dossiers", colonnes)) {
            for (LigneDossier l : rapport.lignes()) {
                csv.ligne(valeurs(l));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] xlsx(RapportSimulation rapport) {
        try (XSSFWorkbook classeur = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle change = classeur.createCellStyle();
            change.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            change.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle entete = classeur.createCellStyle();
            var gras = classeur.createFont();
            gras.setBold(true);
            entete.setFont(gras);
            Sheet feuille = classeur.createSheet("Dossiers");
            ligne(feuille, 0, COLONNES, entete);
            int i = 1;
            for (LigneDossier l : rapport.lignes()) {
                Row r = feuille.createRow(i++);
                List<String> v = valeurs(l);
                for (int c = 0; c < v.size(); c++) {
                    Cell cell = r.createCell(c);
                    String s = v.get(c);
                    if (s != null && (c == 10 || c == 11 || c == 14 || c == 15) && !s.isEmpty()) {
                        cell.setCellValue(Double.parseDouble(s.replace(',', '.')));
                    } else {
                        cell.setCellValue(s);
                    }
                }
                surligner(r, change, l.eligibiliteChange(), 8, 9);
                surligner(r, change, l.scoreChange(), 10, 11);
                surligner(r, change, l.recommandationChange(), 12, 13);
                surligner(r, change, l.rangChange(), 14, 15);
                surligner(r, change, l.dansQuotaAvant() != l.dansQuotaApres(), 16, 17);
                surligner(r, change, l.mouvement() != null, 18);
            }
            feuille.createFreezePane(0, 1);
            Sheet synthese = classeur.createSheet("Synthèse");
            ligne(synthese, 0, List.of("Vague", "Catégorie", "Quota avant", "Quota après", "Places avant", "Places après",
                    "Lauréats du comité", "Dans le quota avant", "Dans le quota après", "Engagé avant (€)", "Engagé après (€)",
                    "Lauréats qui sortiraient", "Dossiers qui entreraient"), entete);
            int j = 1;
            for (RapportSimulation.Vague v : rapport.vagues()) {
                for (ParCategorie p : v.synthese().categories()) {
                    Row r = synthese.createRow(j++);
                    r.createCell(0).setCellValue(v.code());
                    r.createCell(1).setCellValue(p.categorie().name());
                    double[] n = {p.quotaAvant(), p.quotaApres(), p.placesAvant(), p.placesApres(), p.laureatsReels(), p.dansQuotaAvant(),
                        p.dansQuotaApres(), p.engageAvant(), p.engageApres()};
                    for (int k = 0; k < n.length; k++) {
                        r.createCell(2 + k).setCellValue(n[k]);
                    }
                    long sortants = v.lignes().stream().filter(l -> l.categorie() == p.categorie()
                            && l.mouvement() == RapportSimulation.Mouvement.SORTIRAIT).count();
                    long entrants = v.lignes().stream().filter(l -> l.categorie() == p.categorie()
                            && l.mouvement() == RapportSimulation.Mouvement.ENTRERAIT).count();
                    r.createCell(11).setCellValue(sortants);
                    r.createCell(12).setCellValue(entrants);
                    if (p.dansQuotaAvant() != p.dansQuotaApres() || sortants + entrants > 0) {
                        for (int k = 7; k <= 12; k++) {
                            r.getCell(k).setCellStyle(change);
                        }
                    }
                }
            }
            Sheet territoires = classeur.createSheet("Régions et départements");
            ligne(territoires, 0, List.of("Territoire", "Code", "Lauréats du comité", "Lauréats après simulation"), entete);
            int t = 1;
            for (RapportSimulation.Repartition r : rapport.global().regions()) {
                t = territoire(territoires, t, "Région", r, change);
            }
            for (RapportSimulation.Repartition r : rapport.global().departements()) {
                t = territoire(territoires, t, "Département", r, change);
            }
            for (int c = 0; c < COLONNES.size(); c++) {
                feuille.setColumnWidth(c, c == 2 ? 40 * 256 : 16 * 256);
            }
            classeur.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int territoire(Sheet s, int i, String nature, RapportSimulation.Repartition r, CellStyle change) {
        Row row = s.createRow(i);
        row.createCell(0).setCellValue(nature);
        row.createCell(1).setCellValue(r.code());
        row.createCell(2).setCellValue(r.laureatsReels());
        row.createCell(3).setCellValue(r.laureatsApres());
        if (r.laureatsReels() != r.laureatsApres()) {
            row.getCell(3).setCellStyle(change);
        }
        return i + 1;
    }

    private static void ligne(Sheet s, int i, List<String> valeurs, CellStyle style) {
        Row r = s.createRow(i);
        for (int c = 0; c < valeurs.size(); c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(valeurs.get(c));
            cell.setCellStyle(style);
        }
    }

    private static void surligner(Row r, CellStyle style, boolean change, int... colonnes) {
        if (change) {
            for (int c : colonnes) {
                r.getCell(c).setCellStyle(style);
            }
        }
    }

    static List<String> valeurs(LigneDossier l) {
        List<String> v = new ArrayList<>();
        v.add(l.vague());
        v.add(l.numero());
        v.add(l.structure());
        v.add(l.categorie().name());
        v.add(l.region());
        v.add(l.departement());
        v.add(decision(l.decisionReelle()));
        v.add(avis(l.avisTerritorial()));
        v.add(l.eligibleAvant() ? "oui" : "non");
        v.add(l.eligibleApres() ? "oui" : "non");
        v.add(score(l.scoreAvant()));
        v.add(score(l.scoreApres()));
        v.add(avis(l.recommandationAvant()));
        v.add(avis(l.recommandationApres()));
        v.add(l.rangAvant() == null ? "" : l.rangAvant().toString());
        v.add(l.rangApres() == null ? "" : l.rangApres().toString());
        v.add(l.dansQuotaAvant() ? "oui" : "non");
        v.add(l.dejaLaureat() ? "déjà lauréat" : l.dansQuotaApres() ? "oui" : "non");
        v.add(l.mouvement() == null ? "" : l.mouvement() == RapportSimulation.Mouvement.SORTIRAIT ? "sortirait" : "entrerait");
        v.add(l.entreesReconstituees() ? "oui" : "non");
        return v;
    }

    static String decision(TypeDecision d) {
        return d == null ? "hors séance" : switch (d) {
            case LAUREAT -> "lauréat";
            case REFUSE -> "refusé";
            case AJOURNE -> "ajourné";
        };
    }

    static String avis(Avis a) {
        return a == null ? "" : a.libelle();
    }

    static String score(BigDecimal s) {
        return s == null ? "" : s.toPlainString().replace('.', ',');
    }
}
