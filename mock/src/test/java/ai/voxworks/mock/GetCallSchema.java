package ai.voxworks.mock;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The spec's schema of a get-call 200 body ({@code success} and the {@code Call}), from the bundled openapi.yaml. */
final class GetCallSchema {

    private static final Schema OK = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of("classpath:fixtures/openapi.yaml#/paths/~1api~1v1~1get-call~1{call_id}/get"
                    + "/responses/200/content/application~1json/schema"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GetCallSchema() {
    }

    /** What in {@code body} the spec refuses, one line each; empty when it is a valid 200 body. */
    static List<String> violations(String body) {
        return OK.validate(JSON.readTree(body)).stream().map(Error::toString).toList();
    }
}
