package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.MockServerConfig;
import java.time.Duration;

/**
 * The {@code Prefer} request header, as Prism reads it: {@code code=500} forces a documented
 * response, {@code delay=250} (milliseconds) slows this response down; and ours,
 * {@code fault=reset|truncate|drip|malformed}. Preferences are separated by commas or semicolons;
 * unknown ones are ignored (RFC 7240), bad values are a 400.
 *
 * @param code  the forced status, or 0 for none
 * @param delay the delay for this response, or {@code null} for the configured latency
 * @param fault the fault of the network asked for, or {@code null}
 */
record Prefer(int code, Duration delay, Fault fault) {

    static final Prefer NONE = new Prefer(0, null, null);

    /** The preferences in this header value; refuses with a 400 naming a bad value. */
    static Prefer parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        int code = 0;
        Duration delay = null;
        Fault fault = null;
        for (String part : header.split("[,;]")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = unquote(part.substring(eq + 1).strip());
            if (name.equalsIgnoreCase("code")) {
                code = parseCode(value);
            } else if (name.equalsIgnoreCase("delay")) {
                delay = parseDelay(value);
            } else if (name.equalsIgnoreCase("fault")) {
                fault = parseFault(value);
            }
        }
        if (code != 0 && (fault == Fault.RESET || fault == Fault.MALFORMED)) {
            throw badRequest("Prefer code=" + code + " and fault=" + fault + " ask for two different answers; "
                    + "fault=" + fault + " sends no response of the API (truncate and drip go with a code)");
        }
        return code == 0 && delay == null && fault == null ? NONE : new Prefer(code, delay, fault);
    }

    private static Fault parseFault(String value) {
        Fault fault;
        try {
            fault = Fault.parse(value);
        } catch (IllegalArgumentException e) {
            throw badRequest("Prefer fault=" + value + " is not a fault; use reset, truncate, drip or malformed");
        }
        if (fault.status() != 0) {
            throw badRequest("Prefer fault=" + value + " is a status; ask for it with Prefer: code=" + fault.status());
        }
        return fault;
    }

    private static int parseCode(String value) {
        try {
            int code = Integer.parseInt(value);
            if (code >= 100 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the value.
        }
        throw badRequest("Prefer code=" + value + " is not an HTTP status code");
    }

    private static Duration parseDelay(String value) {
        Duration delay;
        try {
            delay = Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw badRequest("Prefer delay=" + value + " is not a whole number of milliseconds");
        }
        if (delay.isNegative() || delay.compareTo(MockServerConfig.MAX_DELAY) > 0) {
            throw badRequest("Prefer delay=" + value + " is out of range; use 0 to "
                    + MockServerConfig.MAX_DELAY.toMillis() + " milliseconds ("
                    + Durations.format(MockServerConfig.MAX_DELAY) + ")");
        }
        return delay;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** This request's delay: the one it asked for, or the configured latency. */
    Duration delayOr(Duration latency) {
        return delay != null ? delay : latency;
    }

    private static Refusal badRequest(String message) {
        return new Refusal(ErrorBody.reply(400, message));
    }
}
