package ai.voxworks.mock.internal.http;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The spec as the docs page shows it: the operations this mock serves, introduced as what this
 * page is, with this mock server listed first among the servers so "Try it out" calls the mock
 * rather than production. The wider API's tags with no operation here (they render as empty
 * sections) and its description of features the mock does not have are left out. Prepared on
 * the first request to the docs and kept.
 */
final class DocsSpec {

    static final String DESCRIPTION = "The Voxworks mock server: the operations below, served from fixture files "
            + "with the demo keys it printed at startup. Try them out here; /__mock shows the requests it received.";

    private final byte[] yaml;
    private volatile byte[] json;

    DocsSpec(byte[] yaml) {
        this.yaml = yaml;
    }

    byte[] json() {
        byte[] prepared = json;
        if (prepared == null) {
            prepared = prepare();
            json = prepared;
        }
        return prepared;
    }

    private byte[] prepare() {
        ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(yaml);
        ((ObjectNode) spec.get("info")).put("description", DESCRIPTION);
        Set<String> used = new HashSet<>();
        spec.path("paths").forEach(path -> path.forEach(operation -> operation.path("tags").forEach(t -> used.add(t.asString()))));
        ArrayNode tags = spec.putArray("tags");
        used.stream().sorted().forEach(tag -> tags.addObject().put("name", tag));
        JsonNode original = spec.get("servers");
        ArrayNode servers = spec.putArray("servers");
        servers.addObject().put("url", "/").put("description", "This mock server");
        if (original != null) {
            // The spec's own local entry names the default port, which this server may not use.
            original.forEach(server -> {
                if (!server.path("url").asString().startsWith("http://127.0.0.1")) {
                    servers.add(server);
                }
            });
        }
        return JsonMapper.builder().build().writeValueAsBytes(spec);
    }
}
