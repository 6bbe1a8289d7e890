package ai.voxworks.conformance;

import ai.voxworks.client.internal.RetryAfter;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code getCall} operation of {@code openapi.yaml}, as something a response can be checked
 * against, and no more than the spec states: is the status documented, is the Content-Type the
 * documented one, is the body of that status's schema (JSON Schema 2020-12 in the OpenAPI 3.1
 * dialect, so {@code [integer, 'null']} and {@code date-time} are enforced), are the headers the
 * spec marks required there, and is each documented header that is present well-formed (its
 * schema; {@code Retry-After} as HTTP defines it: seconds or an HTTP-date).
 */
final class OpenApiContract {

    static final String OPERATION_PATH = "/api/v1/get-call/{call_id}";

    /** What the spec says of one status. */
    private record Documented(String mediaType, Schema body, List<DocumentedHeader> headers) {
    }

    private record DocumentedHeader(String name, boolean required, Schema schema, boolean numeric) {
    }

    /** The spec is registered under this name, so its $refs resolve without any file or network access. */
    private static final String SPEC_URI = "https://contract.voxworks.invalid/openapi.yaml";

    private final String source;
    private final Map<Integer, Documented> responses = new LinkedHashMap<>();
    private final Set<String> methods = new TreeSet<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private OpenApiContract(String source, String yaml) {
        this.source = source;
        JsonNode spec;
        try {
            spec = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not YAML: " + e.getOriginalMessage());
        }
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(SPEC_URI, yaml)));
        for (Map.Entry<String, JsonNode> operation : spec.path("paths").path(OPERATION_PATH).properties()) {
            if (operation.getKey().matches("get|put|post|delete|options|head|patch|trace")) {
                methods.add(operation.getKey().toUpperCase(Locale.ROOT));
            }
        }
        JsonNode documented = spec.path("paths").path(OPERATION_PATH).path("get").path("responses");
        if (documented.isMissingNode() || documented.isEmpty()) {
            throw new IllegalArgumentException(source + " documents no responses for GET " + OPERATION_PATH);
        }
        for (Map.Entry<String, JsonNode> entry : documented.properties()) {
            if (!entry.getKey().matches("\\d{3}")) {
                continue;  // 'default' and '4XX' ranges: this API documents each status.
            }
            String pointer = "/paths/" + escape(OPERATION_PATH) + "/get/responses/" + entry.getKey();
            JsonNode response = entry.getValue();
            if (response.has("$ref")) {
                pointer = response.get("$ref").asString().substring(1);
                response = spec.at(pointer);
            }
            String mediaType = null;
            Schema body = null;
            for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
                mediaType = content.getKey();
                if (content.getValue().has("schema")) {
                    body = registry.getSchema(location(pointer + "/content/" + escape(mediaType) + "/schema"));
                }
                break;
            }
            List<DocumentedHeader> headers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
                String headerPointer = pointer + "/headers/" + escape(header.getKey());
                JsonNode node = header.getValue();
                if (node.has("$ref")) {
                    headerPointer = node.get("$ref").asString().substring(1);
                    node = spec.at(headerPointer);
                }
                JsonNode type = node.path("schema").path("type");
                boolean numeric = type.asString("").matches("integer|number")
                        || (type.isArray() && type.valueStream().anyMatch(t -> t.asString().matches("integer|number")));
                headers.add(new DocumentedHeader(header.getKey(), node.path("required").asBoolean(false),
                        node.has("schema") ? registry.getSchema(location(headerPointer + "/schema")) : null, numeric));
            }
            responses.put(Integer.parseInt(entry.getKey()), new Documented(mediaType, body, headers));
        }
    }

    /**
     * The contract to check against: {@code spec} when given; else the repository's
     * {@code fixtures/openapi.yaml} when the build names it ({@code voxworks.fixtures.dir}); else
     * the copy bundled with the mock on the class path.
     *
     * @throws IllegalArgumentException when the file cannot be read or documents no getCall responses
     */
    static OpenApiContract load(Optional<Path> spec) {
        if (spec.isPresent()) {
            return fromFile(spec.get());
        }
        String dir = System.getProperty("voxworks.fixtures.dir");
        if (dir != null && Files.isRegularFile(Path.of(dir, "openapi.yaml"))) {
            return fromFile(Path.of(dir, "openapi.yaml"));
        }
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream("fixtures/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/openapi.yaml is not on the class path");
            }
            return new OpenApiContract("fixtures/openapi.yaml (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract fromFile(Path file) {
        try {
            return new OpenApiContract(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--spec (VOXWORKS_CONFORMANCE_SPEC): cannot read the spec " + file + ": "
                    + Main.reason(e));
        }
    }

    /** Where the spec came from, as a header prints it. */
    String source() {
        return source;
    }

    /** The methods the spec documents on {@value #OPERATION_PATH} ({@code GET}, and any other it has an operation for). */
    Set<String> methods() {
        return Set.copyOf(methods);
    }

    /** Every way this response departs from the contract; empty when it conforms. */
    List<String> violations(Exchange exchange) {
        List<String> problems = new ArrayList<>();
        int status = exchange.status();
        Documented documented = responses.get(status);
        if (documented == null) {
            problems.add("status " + status + " is not documented for getCall (documented: " + responses.keySet() + ")");
            return problems;
        }
        String contentType = exchange.contentType();
        if (documented.mediaType() != null && (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(documented.mediaType().toLowerCase(Locale.ROOT)))) {
            problems.add("Content-Type is " + (contentType == null ? "missing" : "'" + contentType + "'")
                    + ", the spec documents " + documented.mediaType() + " for " + status);
        }
        for (DocumentedHeader header : documented.headers()) {
            Optional<String> value = exchange.header(header.name());
            if (value.isEmpty()) {
                if (header.required()) {
                    problems.add("header " + header.name() + " is required for " + status + " but missing");
                }
                continue;
            }
            headerProblem(header, value.get()).ifPresent(problems::add);
        }
        if (documented.body() != null) {
            JsonNode node;
            try {
                node = json.readTree(exchange.body());
            } catch (JacksonException e) {
                problems.add("body is not JSON: " + e.getOriginalMessage());
                return problems;
            }
            if (node == null || node.isMissingNode()) {
                problems.add("body is empty");
                return problems;
            }
            for (Error error : documented.body().validate(node)) {
                String where = error.getInstanceLocation().toString();
                String message = error.getMessage();
                problems.add("body " + (where.isEmpty() ? "" : where + ": ")
                        + (message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message));
            }
        }
        return problems;
    }

    private static Optional<String> headerProblem(DocumentedHeader header, String value) {
        if (header.name().equalsIgnoreCase("Retry-After") && retryAfterSeconds(value).isEmpty()) {
            return Optional.of("header Retry-After: '" + value + "' is neither seconds nor an HTTP-date (RFC 9110)");
        }
        if (header.schema() == null) {
            return Optional.empty();
        }
        JsonNode node = JsonNodeFactory.instance.stringNode(value);
        if (header.numeric() && value.strip().matches("-?\\d+(\\.\\d+)?")) {
            node = JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value.strip()));
        }
        List<Error> errors = header.schema().validate(node);
        return errors.isEmpty() ? Optional.empty()
                : Optional.of("header " + header.name() + ": '" + value + "' " + errors.get(0).getMessage());
    }

    /**
     * A {@code Retry-After} value as seconds to wait, parsed as the whole toolkit parses it: whole
     * seconds, or an HTTP-date from now (at least 0); empty when it is neither.
     */
    static Optional<Long> retryAfterSeconds(String value) {
        return RetryAfter.parse(value, Clock.systemUTC()).map(Duration::toSeconds);
    }

    private static SchemaLocation location(String pointer) {
        return SchemaLocation.of(SPEC_URI + "#" + encode(pointer));
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
