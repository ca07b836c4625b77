package fr.gouv.fabriques.process.identite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class DepartementsTest {

    @Test
    void lesCentUnDepartementsDansLOrdreOfficiel() {
        assertThat(Departements.CODES).hasSize(101);
        assertThat(new HashSet<>(Departements.CODES)).hasSize(101);
        assertThat(Departements.CODES.subList(0, 3)).containsExactly("01", "02", "03");
        assertThat(Departements.CODES.subList(18, 22)).containsExactly("19", "2A", "2B", "21");
        assertThat(Departements.CODES.subList(95, 101)).containsExactly("95", "971", "972", "973", "974", "976");
        assertThat(Departements.CODES).doesNotContain("20", "96", "975", "977", "1", "2a");
    }

    @Test
    void unGroupeDeReferentsParDepartement() {
        assertThat(Groupes.referentsDuDepartement("58")).isEqualTo("referents-58");
        assertThat(Groupes.referentsDuDepartement("2A")).isEqualTo("referents-2A");
        assertThatThrownBy(() -> Groupes.referentsDuDepartement("20"))
                .isInstanceOf(IllegalArgumentException.class);

        List<DefinitionGroupe> groupes = Groupes.tous();
        assertThat(groupes).hasSize(9 + 101);
        assertThat(groupes).extracting(DefinitionGroupe::id).doesNotHaveDuplicates()
                .startsWith("porteurs", "instructeurs", "referents-territoriaux", "comite-selection",
                        "gestionnaires", "service-financier", "analystes", "camunda-admin");
        assertThat(groupes).filteredOn(g -> g.id().equals("referents-974")).singleElement()
                .extracting(DefinitionGroupe::nom).isEqualTo("Référents territoriaux — département 974");
        assertThat(groupes).filteredOn(g -> g.id().equals("camunda-admin")).singleElement()
                .extracting(DefinitionGroupe::type).isEqualTo("SYSTEM");
    }

    /** The engine refuses an id its whitelist does not match: every id we create must match application.yaml's. */
    @Test
    void lesIdentifiantsRespectentLesListesBlanchesDuMoteur() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties proprietes = yaml.getObject();
        String prefixe = "camunda.bpm.generic-properties.properties.";
        Pattern groupes = Pattern.compile(proprietes.getProperty(prefixe + "group-resource-whitelist-pattern"));
        Pattern utilisateurs = Pattern.compile(proprietes.getProperty(prefixe + "user-resource-whitelist-pattern"));

        assertThat(Groupes.tous()).allSatisfy(g -> assertThat(groupes.matcher(g.id()).matches()).as(g.id()).isTrue());
        assertThat(ComptesDemo.TOUS).allSatisfy(c ->
                assertThat(utilisateurs.matcher(c.id()).matches()).as(c.id()).isTrue());
        assertThat(ComptesDemo.TOUS).flatExtracting(CompteDemo::groupes)
                .allSatisfy(g -> assertThat(Groupes.tous()).extracting(DefinitionGroupe::id).contains(g));
        for (String refuse : List.of("a b", "<script>", "x'y", "-a", "a-", "a--b", "*")) {
            assertThat(groupes.matcher(refuse).matches()).as(refuse).isFalse();
            assertThat(utilisateurs.matcher(refuse).matches()).as(refuse).isFalse();
        }
    }
}
