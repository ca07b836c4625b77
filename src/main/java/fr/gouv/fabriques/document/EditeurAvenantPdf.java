package fr.gouv.fabriques.document;

import fr.gouv.fabriques.application.avenant.ContenuAvenant;
import fr.gouv.fabriques.application.convention.ConventionProperties;
import fr.gouv.fabriques.application.port.EditeurAvenant;
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
 * An amendment as a PDF, with the convention's template mechanism and layout: the template
 * ({@code fabriques.convention.modele-avenant}, by default {@code classpath:convention/modele-avenant.txt})
 * is read and checked once, at start-up (a mistake stops the start-up with the file and the line).
 */
@Component
class EditeurAvenantPdf implements EditeurAvenant {

    private static final Logger LOG = LoggerFactory.getLogger(EditeurAvenantPdf.class);

    private final ModeleDocument modele;

    EditeurAvenantPdf(ConventionProperties proprietes, ResourceLoader ressources) {
        this.modele = charger(proprietes.modeleAvenant(), ressources);
        LOG.info("Modèle d'avenant : {}", proprietes.modeleAvenant());
    }

    static ModeleDocument charger(String emplacement, ResourceLoader ressources) {
        Resource r = ressources.getResource(emplacement);
        if (!r.exists()) {
            throw new IllegalStateException("Modèle d'avenant introuvable : " + emplacement
                    + " (fabriques.convention.modele-avenant : classpath:… ou file:…)");
        }
        try (InputStream in = r.getInputStream()) {
            return ModeleDocument.lire(emplacement, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    ContenuAvenant.VARIABLES.keySet(), ContenuAvenant.CONDITIONS.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture du modèle d'avenant " + emplacement, e);
        }
    }

    @Override
    public byte[] editer(ContenuAvenant contenu) {
        ModeleDocument.Document document = modele.produire(contenu.conditions(), contenu.variables());
        return new MiseEnPagePdf().rendre(document, new MiseEnPagePdf.Metadonnees(
                "Avenant " + contenu.reference(),
                "Avenant n°" + contenu.variables().get("numeroAvenant") + " à la convention " + contenu.variables().get("referenceConvention")
                        + " — programme « Fabriques de Territoire » — " + contenu.variables().get("raisonSociale"),
                "État — programme « Fabriques de Territoire »", contenu.etabliLe(),
                contenu.reference() + "|" + contenu.etabliLe() + "|" + contenu.variables() + "|"
                        + contenu.conditions().stream().sorted().toList()));
    }
}
