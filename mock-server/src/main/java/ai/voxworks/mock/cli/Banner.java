package ai.voxworks.mock.cli;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RateLimitStore;
import ai.voxworks.mock.Team;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the command line prints once the server is up: where it is, what it serves, which keys to use. */
final class Banner {

    private Banner() {
    }

    static void print(PrintWriter out, MockServer server, String version) {
        Fixtures data = server.fixtures();
        MockServerConfig c = server.config();
        String url = server.baseUrl();
        boolean everywhere = isWildcard(c.host());
        out.printf("Voxworks mock server %s listening on %s%s%n", version, url, everywhere ? " (every interface)" : "");
        if (everywhere) {
            for (String other : otherAddresses(server.port())) {
                out.printf("  also on      %s%n", other);
            }
        }
        out.printf("  docs         %s/docs   requests received: %s/__mock%n", url, url);
        out.printf("  fixtures     %s: %d calls, %d teams%s%n", data.source(), data.calls().size(), data.teams().size(),
                c.fixturesDir().isPresent() ? " (watched: edits are served within a second)" : "");
        List<String> moving = data.calls().stream().filter(CallSummary::moves).map(CallSummary::id).toList();
        if (!moving.isEmpty()) {
            out.printf("  moving calls %s: %s%n", String.join(", ", moving), c.rateLimitStore().shared() && c.rateLimit().enabled()
                    ? "timelines do not run on replicas sharing their limits; each answers its last stage"
                    : "each answers the stage reached since its first request (" + url + "/__mock/calls/"
                    + moving.get(0) + "/timeline)");
        }
        out.printf("  rate limit   %s%s   latency %s   CORS origins %s%n", c.rateLimit(),
                !c.rateLimit().enabled() ? "" : c.rateLimitScope() == RateLimit.Scope.TEAM ? " per team" : " per API key",
                Durations.format(c.latency()), String.join(",", c.corsOrigins()));
        out.printf("  limit store  %s%n", store(c));
        if (c.faults().enabled()) {
            out.printf("  faults       %s, seed %d: the same requests get the same faults with this seed%n", c.faults(),
                    c.faults().seed());
        }
        out.printf("  spec         %s/openapi.yaml%n", url);
        out.println("  demo keys");
        for (Team team : data.teams()) {
            for (String key : team.apiKeys()) {
                out.printf("    %-18s %s%n", team.id(), key);
            }
        }
        // The toolkit's one demo identity: the first key of the first team in teams.json.
        data.demoCall().ifPresent(call -> out.printf("  try          curl -H 'Authorization: Bearer %s' %s/api/v1/get-call/%s%n",
                data.demoKey(), url, call.id()));
        if (c.allowedHosts().contains("*")) {
            out.println("  hosts        any Host name is served (--allowed-hosts *): pages on any name can read the API and the"
                    + " journal; changes through /__mock still need no Origin, or one naming this machine");
        }
        if (needsWarning(c.host())) {
            out.println("  warning      the admin API (/__mock) has no key: anyone who can reach this port can change");
            out.println("               the data and read the journal. Keep --host 127.0.0.1 unless that is what you want.");
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** Where the buckets live, never with a password. */
    static String store(MockServerConfig c) {
        RateLimitStore store = c.rateLimitStore();
        if (!store.shared()) {
            return "local (this process counts alone)";
        }
        String url = store + (store.hasPassword() ? " (password not shown)" : "");
        if (!c.rateLimit().enabled()) {
            return url + ": not used, the rate limit is off";
        }
        return url + ", shared by every replica with the same store, limit and scope;"
                + " data changes through /__mock are refused (replicas would disagree)";
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** Whether others may reach the admin API: any bind but a loopback one. */
    static boolean needsWarning(String host) {
        if (host.equals("localhost")) {
            return false;
        }
        try {
            return !InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** The URLs of this machine's other IPv4 addresses, where a wildcard bind is reachable too. */
    private static List<String> otherAddresses(int port) {
        List<String> urls = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        urls.add("http://" + address.getHostAddress() + ":" + port);
                    }
                }
            }
        } catch (SocketException e) {
            // No list of interfaces: the loopback URL above still works.
        }
        return urls;
    }
}
