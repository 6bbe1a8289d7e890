package ai.voxworks.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from launching a command to the first answer it prints, for JShell sessions:
 * {@code FirstAnswer RUNS -- MARKER INPUT COMMAND... [-- MARKER INPUT COMMAND...]}. INPUT is a
 * file fed to the command's standard input, or {@code -} for none. The answer is the first line of
 * standard output containing MARKER. Commands are launched in turns (A, B, C, A, B, C, ...), so
 * drift in the machine's load hits them alike; each run must end by itself with status 0. Prints
 * one line per command: {@code median_ms=... runs_ms=[...] exit_median_ms=...}.
 */
public final class FirstAnswer {

    private FirstAnswer() {
    }

    private record Command(String marker, String input, List<String> argv) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        List<Command> commands = commands(Arrays.asList(args).subList(1, args.length));
        List<List<Long>> answers = new ArrayList<>();
        List<List<Long>> exits = new ArrayList<>();
        commands.forEach(c -> {
            answers.add(new ArrayList<>());
            exits.add(new ArrayList<>());
        });
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.size(); c++) {
                long[] times = run(commands.get(c));
                answers.get(c).add(times[0]);
                exits.get(c).add(times[1]);
            }
        }
        for (int c = 0; c < commands.size(); c++) {
            System.out.printf("median_ms=%d runs_ms=%s exit_median_ms=%d%n",
                    median(answers.get(c)), answers.get(c), median(exits.get(c)));
        }
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The commands after each {@code --}: marker, input, then the command itself. */
    private static List<Command> commands(List<String> rest) {
        List<List<String>> groups = new ArrayList<>();
        for (String arg : rest) {
            if (arg.equals("--")) {
                groups.add(new ArrayList<>());
            } else if (!groups.isEmpty()) {
                groups.get(groups.size() - 1).add(arg);
            }
        }
        if (groups.isEmpty() || groups.stream().anyMatch(g -> g.size() < 3)) {
            throw new IllegalArgumentException("usage: FirstAnswer RUNS -- MARKER INPUT COMMAND... [-- MARKER INPUT COMMAND...]");
        }
        return groups.stream().map(g -> new Command(g.get(0), g.get(1), g.subList(2, g.size()))).toList();
    }

    /** Milliseconds to the answer and to the end of the process. */
    private static long[] run(Command command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command.argv()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (!command.input().equals("-")) {
                stdin.write(Files.readAllBytes(Path.of(command.input())));
            }
        }
        long answer = awaitLine(process.getInputStream(), command.marker(), started);
        if (answer < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("no line with '" + command.marker() + "' from " + command.argv());
        }
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.argv() + " did not end with status 0");
        }
        return new long[] {answer, (System.nanoTime() - started) / 1_000_000};
    }

    /** Reads until a line contains {@code marker}: milliseconds since {@code started}, or -1 at the end. */
    private static long awaitLine(InputStream out, String marker, long started) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = out.read()) >= 0) {
            if (b != '\n') {
                line.write(b);
            } else if (line.toString(StandardCharsets.UTF_8).contains(marker)) {
                return (System.nanoTime() - started) / 1_000_000;
            } else {
                line.reset();
            }
        }
        return -1;
    }
}
