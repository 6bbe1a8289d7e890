package ai.voxworks.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Median time from process start to the first 200, over several launches:
 * {@code ColdStart RUNS URL KEY -- COMMAND...}. The command must listen on the URL's port.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String url = args[1];
        String key = args[2];
        List<String> command = Arrays.asList(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (!ok(url, key)) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the server exited with " + process.exitValue());
                    }
                    if (System.nanoTime() - started > 60_000_000_000L) {
                        throw new IllegalStateException("no 200 within 60 s");
                    }
                    Thread.sleep(5);
                }
                times.add((System.nanoTime() - started) / 1_000_000);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        Collections.sort(times);
        System.out.printf("median_ms=%d runs_ms=%s%n", times.get(times.size() / 2), times);
    }

    private static boolean ok(String url, String key) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + key);
            c.setConnectTimeout(200);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.getInputStream().readAllBytes();
            c.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
