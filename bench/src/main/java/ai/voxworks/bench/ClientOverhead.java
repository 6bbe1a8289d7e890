package ai.voxworks.bench;

import ai.voxworks.client.Call;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code VoxworksClient.getCall} against the least a caller could do by hand (raw OkHttp plus
 * Jackson's tree), on the same in-process mock, sequential calls: {@code ClientOverhead SECONDS}.
 * Rounds alternate so drift hits both sides alike.
 */
public final class ClientOverhead {

    private static final String KEY = "vx_test_northwind_primary_7f3a9c";
    private static final String ID = "call_nw_1001";

    private ClientOverhead() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--check")) {
            return;
        }
        double seconds = Double.parseDouble(args[0]);
        try (MockServer mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build())) {
            OkHttpClient http = new OkHttpClient();
            JsonMapper mapper = JsonMapper.builder().build();
            Request raw = new Request.Builder().url(mock.baseUrl() + "/api/v1/get-call/" + ID)
                    .header("Authorization", "Bearer " + KEY).build();
            try (VoxworksClient client = VoxworksClient.builder().apiKey(KEY).baseUrl(mock.baseUrl())
                    .okHttpClient(http).build()) {
                Runnable viaClient = () -> check(client.getCall(ID));
                Runnable viaRaw = () -> rawCall(http, raw, mapper);
                long warmupNanos = (long) (seconds * 0.5e9);
                loop(viaClient, warmupNanos);
                loop(viaRaw, warmupNanos);
                int rounds = 6;
                long roundNanos = (long) (seconds * 1e9 / rounds / 2);
                long clientCalls = 0;
                long rawCalls = 0;
                for (int r = 0; r < rounds; r++) {
                    clientCalls += loop(viaClient, roundNanos);
                    rawCalls += loop(viaRaw, roundNanos);
                }
                double total = roundNanos * rounds / 1e9;
                double clientRate = clientCalls / total;
                double rawRate = rawCalls / total;
                System.out.printf("%.2f (client %.0f calls/s, raw OkHttp + Jackson %.0f calls/s)%n",
                        clientRate / rawRate, clientRate, rawRate);
            }
        }
    }

    private static long loop(Runnable call, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            call.run();
            n++;
        }
        return n;
    }

    private static void check(Call call) {
        if (!ID.equals(call.id())) {
            throw new IllegalStateException("wrong call " + call.id());
        }
    }

    private static void rawCall(OkHttpClient http, Request request, JsonMapper mapper) {
        try (Response response = http.newCall(request).execute()) {
            JsonNode call = mapper.readTree(response.body().bytes()).get("call");
            if (response.code() != 200 || !ID.equals(call.get("id").asString())) {
                throw new IllegalStateException("unexpected response " + response.code());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
