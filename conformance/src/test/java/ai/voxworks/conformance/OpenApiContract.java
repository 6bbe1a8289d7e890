package ai.voxworks.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code getCall} operation of {@code openapi.yaml}, as something a response can be checked
 * against: is the status documented, is the body JSON of that status's schema (JSON Schema
 * 2020-12 in the OpenAPI 3.1 dialect, so {@code [integer, 'null']} and {@code date-time} are
 * enforced), are the documented headers there.
 */
final class OpenApiContract {

    static final String OPERATION_PATH = "/api/v1/get-call/{call_id}";

    private final Map<Integer, Schema> bodies = new LinkedHashMap<>();
    private final Map<Integer, List<String>> headers = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The spec is registered under this name, so its $refs resolve without any file or network access. */
    private static final String SPEC_URI = "https://contract.voxworks.invalid/openapi.yaml";

    private OpenApiContract(String source, String yaml) {
        JsonNode spec = new YAMLMapper().readTree(yaml);
        String specUri = SPEC_URI;
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(SPEC_URI, yaml)));
        JsonNode responses = spec.path("paths").path(OPERATION_PATH).path("get").path("responses");
        if (responses.isMissingNode() || responses.isEmpty()) {
            throw new IllegalStateException(source + " has no responses for GET " + OPERATION_PATH);
        }
        for (Map.Entry<String, JsonNode> entry : responses.properties()) {
            int status = Integer.parseInt(entry.getKey());
            String pointer = "/paths/" + escape(OPERATION_PATH) + "/get/responses/" + status;
            JsonNode response = entry.getValue();
            if (response.has("$ref")) {
                pointer = response.get("$ref").asString().substring(1);
                response = spec.at(pointer);
            }
            JsonNode schema = response.path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                String location = specUri + "#" + encode(pointer + "/content/" + escape("application/json") + "/schema");
                bodies.put(status, registry.getSchema(SchemaLocation.of(location)));
            }
            List<String> names = new ArrayList<>();
            response.path("headers").propertyNames().forEach(names::add);
            headers.put(status, names);
        }
    }

    /** The contract in {@code fixtures/openapi.yaml}: the repository's copy when found, else the one bundled with the mock. */
    static OpenApiContract load() {
        String dir = System.getProperty("voxworks.fixtures.dir");
        if (dir != null && Files.isRegularFile(Path.of(dir, "openapi.yaml"))) {
            return fromFile(Path.of(dir, "openapi.yaml"));
        }
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream("fixtures/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/openapi.yaml is neither in voxworks.fixtures.dir nor on the class path");
            }
            return new OpenApiContract("classpath:fixtures/openapi.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract fromFile(Path file) {
        try {
            return new OpenApiContract(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way this response departs from the contract; empty when it conforms. */
    List<String> violations(int status, String contentType, Map<String, String> responseHeaders, String body) {
        List<String> problems = new ArrayList<>();
        Schema schema = bodies.get(status);
        if (!bodies.containsKey(status) && !headers.containsKey(status)) {
            problems.add("status " + status + " is not documented for getCall (documented: " + headers.keySet() + ")");
            return problems;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add("Content-Type is " + (contentType == null ? "missing" : "'" + contentType + "'")
                    + ", the contract says application/json");
        }
        for (String header : headers.getOrDefault(status, List.of())) {
            if (responseHeaders.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(header))) {
                problems.add("header " + header + " is documented for " + status + " but missing");
            }
        }
        if (schema != null) {
            JsonNode node;
            try {
                node = json.readTree(body == null ? "" : body);
            } catch (JacksonException e) {
                problems.add("body is not JSON: " + e.getOriginalMessage());
                return problems;
            }
            if (node == null || node.isMissingNode()) {
                problems.add("body is empty");
                return problems;
            }
            for (Error error : schema.validate(node)) {
                String where = error.getInstanceLocation().toString();
                String message = error.getMessage();
                problems.add("body " + (where.isEmpty() ? "" : where + ": ")
                        + (message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message));
            }
        }
        return problems;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: braces and other reserved characters percent-encoded. */
    private static String encode(String pointer) {
        try {
            return new URI(null, null, null, -1, null, null, pointer).getRawFragment();
        } catch (Exception e) {
            throw new IllegalArgumentException(pointer, e);
        }
    }
}
