package ai.voxworks.mock.cli;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RateLimitStore;
import ai.voxworks.mock.Recorder;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/** Turns option values into settings, with a message that says what is wrong and what would do. */
final class CliConverters {

    private CliConverters() {
    }

    /** {@code parse(value)}, its complaint (an {@link IllegalArgumentException}) as picocli's. */
    private static <T> T parsed(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static final class Port implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // Reported below.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port; use 0 to 65535");
        }
    }

    static final class Limit implements CommandLine.ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String value) {
            return parsed(value, RateLimit::parse);
        }
    }

    static final class Latency implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parsed(value, v -> MockServerConfig.checkLatency(Durations.parse(v)));
        }
    }

    static final class Faults implements CommandLine.ITypeConverter<FaultProfile> {
        @Override
        public FaultProfile convert(String value) {
            return parsed(value, FaultProfile::parse);
        }
    }

    /** A whole number, negative ones too (any long seeds the draws). */
    static final class Seed implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a seed; use a whole number from "
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", such as 42");
            }
        }
    }

    /** An address or a name to bind: a dotted address of four numbers up to 255, an IPv6 address, or a host name. */
    static final class Host implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String host = value.strip();
            if (host.isEmpty()) {
                return value;  // The configuration says a blank host is not one.
            }
            if (host.matches("[0-9.]+")) {
                String[] parts = host.split("\\.", -1);
                if (parts.length != 4 || Arrays.stream(parts).anyMatch(p -> p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255)) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not an IPv4 address; write four numbers "
                            + "from 0 to 255, such as 127.0.0.1 or 0.0.0.0");
                }
                return host;
            }
            if (host.contains(":")) {
                String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                try {
                    // In brackets, the JDK takes it as an IPv6 literal and never asks DNS.
                    InetAddress.getByName("[" + bare + "]");
                    return host;
                } catch (UnknownHostException e) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not an IPv6 address, such as ::1");
                }
            }
            if (!Names.isHostName(host)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an address or a host name, such as "
                        + "127.0.0.1, 0.0.0.0 or localhost");
            }
            return host;
        }
    }

    /** The fixtures directory: it must be one. */
    static final class FixturesDir implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path dir = Path.of(value.strip());
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is " + (Files.exists(dir) ? "not a directory"
                        : "no directory (it does not exist)") + "; give a directory with teams.json and calls/");
            }
            return dir;
        }
    }

    /** The host name rule of --host and --allowed-hosts: DNS letters, digits, '-' and '.', at most 253, 63 a label. */
    static final class Names {
        private static final java.util.regex.Pattern NAME =
                java.util.regex.Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

        private Names() {
        }

        static boolean isHostName(String name) {
            return name.length() <= 253 && NAME.matcher(name).matches()
                    && Arrays.stream(name.split("\\.", -1)).allMatch(label -> !label.isEmpty() && label.length() <= 63);
        }
    }

    static final class Origins implements CommandLine.ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            List<String> origins = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (origins.isEmpty()) {
                throw new CommandLine.TypeConversionException("no origin given; use * or a list such as http://localhost:5173");
            }
            for (String origin : origins) {
                if (!origin.equals("*") && !isOrigin(origin)) {
                    throw new CommandLine.TypeConversionException("'" + origin
                            + "' is not an origin; expected * or scheme://host[:port], such as http://localhost:5173");
                }
            }
            return origins;
        }

        private static boolean isOrigin(String text) {
            try {
                URI uri = new URI(text);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getPort() != 0 && uri.getPort() <= 65535
                        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** Where the base URL goes once serving: a file in a directory that exists. */
    static final class ReadyFile implements CommandLine.ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            java.nio.file.Path file;
            try {
                file = java.nio.file.Path.of(value.strip()).toAbsolutePath();
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a file name: " + e.getReason());
            }
            if (value.isBlank() || java.nio.file.Files.isDirectory(file)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is a directory; name a file in it, such as "
                        + value.strip() + "/mock.url");
            }
            if (file.getParent() == null || !java.nio.file.Files.isDirectory(file.getParent())) {
                throw new CommandLine.TypeConversionException("'" + value + "': the directory " + file.getParent()
                        + " does not exist");
            }
            return file;
        }
    }

    static final class Hosts implements CommandLine.ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            List<String> hosts = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String host : hosts) {
                if (!host.equals("*") && !Names.isHostName(host.startsWith(".") ? host.substring(1) : host)) {
                    throw new CommandLine.TypeConversionException("'" + host + "' is not a host name; expected a name "
                            + "such as mock.example.com, .example.com for its subdomains too, or * for any");
                }
            }
            return hosts;
        }
    }

    static final class Scope implements CommandLine.ITypeConverter<RateLimit.Scope> {
        @Override
        public RateLimit.Scope convert(String value) {
            return parsed(value, RateLimit.Scope::parse);
        }
    }

    static final class Store implements CommandLine.ITypeConverter<RateLimitStore> {
        @Override
        public RateLimitStore convert(String value) {
            return parsed(value, RateLimitStore::parse);
        }
    }

    static final class HeaderStyle implements CommandLine.ITypeConverter<RateLimit.HeaderStyle> {
        @Override
        public RateLimit.HeaderStyle convert(String value) {
            return parsed(value, RateLimit.HeaderStyle::parse);
        }
    }

    /** The server {@code record} asks: http or https, without query. */
    static final class BaseUrl implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parsed(value, v -> {
                Recorder.builder().from(v);  // Refuses what the recorder would.
                return v.strip();
            });
        }
    }

    /** How long {@code record --follow} follows: the one duration grammar, 1 s to 1 d. */
    static final class FollowTimeout implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parsed(value, v -> Durations.parse(v, "--follow-timeout", Duration.ofSeconds(1), Recorder.MAX_FOLLOW_TIMEOUT));
        }
    }

    /** Comma-separated JSON pointers of fields {@code record} redacts. */
    static final class Pointers implements CommandLine.ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            return parsed(value, v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(p -> {
                        Recorder.builder().redact(p);  // Refuses what the recorder would.
                        return p.strip();
                    }).toList());
        }
    }
}
