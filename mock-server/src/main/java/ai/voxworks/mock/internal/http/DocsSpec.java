package ai.voxworks.mock.internal.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The spec as the docs page shows it: the same document, with this mock server listed first
 * among the servers, so "Try it out" calls the mock rather than production. Prepared on the first
 * request to the docs and kept.
 */
final class DocsSpec {

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
