package ai.voxworks.mock;

import ai.voxworks.mock.internal.Durations;
import java.io.PrintWriter;

/** What the command line prints once the server is up: where it is, what it serves, which keys to use. */
final class Banner {

    private Banner() {
    }

    static void print(PrintWriter out, MockServer server, String version) {
        Fixtures data = server.fixtures();
        MockServerConfig c = server.config();
        String url = server.baseUrl();
        out.printf("Voxworks mock server %s listening on %s%n", version, url);
        out.printf("  fixtures     %s: %d calls, %d teams%n", data.source(), data.calls().size(), data.teams().size());
        out.printf("  rate limit   %s per API key   latency %s   CORS origins %s%n",
                c.rateLimit(), Durations.format(c.latency()), String.join(",", c.corsOrigins()));
        out.printf("  spec         %s/openapi.yaml%n", url);
        out.println("  demo keys");
        for (Team team : data.teams()) {
            for (String key : team.apiKeys()) {
                out.printf("    %-18s %s%n", team.id(), key);
            }
        }
        data.calls().stream().findFirst().ifPresent(call -> {
            String key = data.teams().stream().filter(t -> t.id().equals(call.teamId())).findFirst()
                    .map(t -> t.apiKeys().get(0)).orElseThrow();
            out.printf("  try          curl -H 'Authorization: Bearer %s' %s/api/v1/get-call/%s%n", key, url, call.id());
        });
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
