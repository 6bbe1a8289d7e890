package ai.voxworks.mock.internal.record;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Demo keys for recorded teams: {@code vx_test_<team>_<12 random hex digits>}, such as
 * {@code vx_test_bluebird_3fa9c01d2e7b} for {@code team_bluebird}. Random, so a key says nothing
 * about the key that recorded the calls; fake, so it is fine to print.
 */
final class DemoKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 24;

    private DemoKeys() {
    }

    static String newKey(String teamId) {
        String name = teamId.toLowerCase(Locale.ROOT).replaceFirst("^team[_-]?", "").replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "vx_test_" + (name.isEmpty() ? "team" : name) + "_" + HexFormat.of().formatHex(random);
    }
}
