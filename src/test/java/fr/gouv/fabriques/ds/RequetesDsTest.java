package fr.gouv.fabriques.ds;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every document the connector sends validates against the DS schema subset (ds/schema-ds.graphqls), as graphql-java judges it. */
class RequetesDsTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(RequetesDs.lire("ds/schema-ds.graphqls")), RuntimeWiring.MOCKED_WIRING);

    @Test
    void chaqueRequeteEstValideContreLeSchema() {
        for (String nom : RequetesDs.TOUTES) {
            ParseAndValidateResult r = ParseAndValidate.parseAndValidate(SCHEMA,
                    graphql.ExecutionInput.newExecutionInput(RequetesDs.document(nom)).build());
            assertThat(r.getSyntaxException()).as(nom).isNull();
            List<ValidationError> erreurs = r.getValidationErrors();
            assertThat(erreurs).as(nom).isEmpty();
        }
    }

    @Test
    void uneRequeteInvalideEstRefusee() {
        ParseAndValidateResult r = ParseAndValidate.parseAndValidate(SCHEMA,
                graphql.ExecutionInput.newExecutionInput("query { dossier(number: 1) { champInexistant } }").build());
        assertThat(r.getValidationErrors()).isNotEmpty();
    }
}
