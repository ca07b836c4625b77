package fr.gouv.fabriques.document;

import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.application.convention.ConventionProperties;
import fr.gouv.fabriques.application.port.EditeurConvention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The convention as a PDF: the template ({@code fabriques.convention.modele}, by default
 * {@code classpath:convention/modele-convention.txt}) is read and checked once, at start-up — a
 * mistake in it stops the start-up with the file and the line, rather than failing a laureate's
 * convention later — then filled and laid out for each dossier.
 */
@Component
class EditeurConventionPdf implements EditeurConvention {

    private static final Logger LOG = LoggerFactory.getLogger(EditeurConventionPdf.class);

    private final ModeleDocument modele;

    EditeurConventionPdf(ConventionProperties proprietes, ResourceLoader ressources) {
        this.modele = charger(proprietes.modele(), ressources);
        LOG.info("Modèle de convention : {}", proprietes.modele());
    }

    static ModeleDocument charger(String emplacement, ResourceLoader ressources) {
        Resource r = ressources.getResource(emplacement);
        if (!r.exists()) {
            throw new IllegalStateException("Modèle de convention introuvable : " + emplacement
                    + " (fabriques.convention.modele : classpath:… ou file:…)");
        }
        try (InputStream in = r.getInputStream()) {
            return ModeleDocument.lire(emplacement, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    ContenuConvention.VARIABLES.keySet(), ContenuConvention.CONDITIONS.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture du modèle de convention " + emplacement, e);
        }
    }

    @Override
    public byte[] editer(ContenuConvention contenu) {
        ModeleDocument.Document document = modele.produire(contenu.conditions(), contenu.variables());
        return new MiseEnPagePdf().rendre(document, new MiseEnPagePdf.Metadonnees(
                "Convention " + contenu.reference(),
                "Convention de financement — programme « Fabriques de Territoire » — " + contenu.variables().get("raisonSociale"),
                "État — programme « Fabriques de Territoire »", contenu.etablieLe(),
                contenu.reference() + "|" + contenu.etablieLe() + "|" + contenu.variables() + "|"
                        + contenu.conditions().stream().sorted().toList()));
    }
}
