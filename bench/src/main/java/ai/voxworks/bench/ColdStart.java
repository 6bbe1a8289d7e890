package ai.voxworks.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Time from process start to the first 200, for one or more commands launched in turns:
 * {@code ColdStart RUNS URL KEY -- COMMAND... [-- COMMAND...]}. Each command must listen on the
 * URL's port. Launching them in turns (A, B, A, B, ...) lets drift in the machine's load hit every
 * command alike. Prints one line per command: {@code median_ms=... runs_ms=[...]}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String url = args[1];
        String key = args[2];
        List<List<String>> commands = commands(Arrays.asList(args).subList(3, args.length));
        List<List<Long>> times = new ArrayList<>();
        commands.forEach(c -> times.add(new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.size(); c++) {
                times.get(c).add(timeToFirst200(commands.get(c), url, key));
            }
        }
        for (List<Long> t : times) {
            Collections.sort(t);
            System.out.printf("median_ms=%d runs_ms=%s%n", t.get(t.size() / 2), t);
        }
    }

    /** The commands after each {@code --}. */
    private static List<List<String>> commands(List<String> rest) {
        if (rest.isEmpty() || !rest.get(0).equals("--")) {
            throw new IllegalArgumentException("usage: ColdStart RUNS URL KEY -- COMMAND... [-- COMMAND...]");
        }
        List<List<String>> commands = new ArrayList<>();
        for (String arg : rest) {
            if (arg.equals("--")) {
                commands.add(new ArrayList<>());
            } else {
                commands.get(commands.size() - 1).add(arg);
            }
        }
        return commands;
    }

    private static long timeToFirst200(List<String> command, String url, String key) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!ok(url, key)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command.get(0) + " exited with " + process.exitValue());
                }
                if (System.nanoTime() - started > 60_000_000_000L) {
                    throw new IllegalStateException("no 200 within 60 s from " + command);
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - started) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor();
        }
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
