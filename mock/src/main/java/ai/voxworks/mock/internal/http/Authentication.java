package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.Team;
import ai.voxworks.mock.internal.fixtures.FixtureStore;
import java.util.Map;

/**
 * Step 1: {@code Authorization: Bearer <key>}. Tells a missing header, a malformed one and an
 * unknown key apart; every refusal is a 401 with {@code WWW-Authenticate: Bearer}.
 */
final class Authentication {

    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    static final Reply MISSING = ErrorBody.reply(401,
            "Missing Authorization header; send 'Authorization: Bearer <API key>'").withHeaders(CHALLENGE);
    static final Reply NOT_BEARER = ErrorBody.reply(401,
            "Malformed Authorization header; expected the Bearer scheme: 'Authorization: Bearer <API key>'")
            .withHeaders(CHALLENGE);
    static final Reply EMPTY_TOKEN = ErrorBody.reply(401,
            "Malformed Authorization header; the Bearer token is empty").withHeaders(CHALLENGE);
    static final Reply INVALID = ErrorBody.reply(401, "Invalid API key").withHeaders(CHALLENGE);

    private static final String BEARER = "bearer";

    private final FixtureStore fixtures;

    Authentication(FixtureStore fixtures) {
        this.fixtures = fixtures;
    }

    /** The caller behind this header value; refuses with the matching 401. */
    Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new Refusal(MISSING);
        }
        String value = authorization.strip();
        int space = indexOfWhitespace(value);
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase(BEARER)) {
            throw new Refusal(NOT_BEARER);
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw new Refusal(EMPTY_TOKEN);
        }
        if (indexOfWhitespace(token) >= 0) {
            throw new Refusal(NOT_BEARER);
        }
        Team team = fixtures.current().teamsByKey().get(token);
        if (team == null) {
            throw new Refusal(INVALID);
        }
        return new Caller(token, team);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
