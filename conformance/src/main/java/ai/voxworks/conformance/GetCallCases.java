package ai.voxworks.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v1/get-call/{call_id}}, one request or a few per case. Each case checks one rule
 * and names its profile first: {@code contract ·} cases check what the spec states (the response
 * they are about must conform to it, {@link Http#get}), {@code strict ·} cases (tagged
 * {@value Profile#STRICT_TAG}) what this toolkit promises beyond it, on responses they do not
 * check against the schema ({@link Http#fetch}): a broken schema fails the case about it, and no
 * other. A case whose input the target lacks is skipped with the reason; so is a strict case whose
 * premise a contract case reports, so that one broken rule fails one case.
 */
@DisplayName("GET /api/v1/get-call/{call_id}")
@ExtendWith(TargetExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class GetCallCases {

    static final String UNKNOWN_ID = "conformance_no_such_call_7c1d";

    /** The ways to send no valid key, each answered 401. */
    enum Unauthenticated {
        NO_HEADER("no Authorization header"),
        ANOTHER_SCHEME("another scheme (Basic)"),
        EMPTY_TOKEN("an empty Bearer token"),
        UNKNOWN_KEY("an unknown key");

        private final String label;

        Unauthenticated(String label) {
            this.label = label;
        }

        Credentials credentials(Target target) {
            return switch (this) {
                case NO_HEADER -> Credentials.NONE;
                case ANOTHER_SCHEME -> Credentials.scheme("Basic", target.apiKey(), Target.Setting.API_KEY.env());
                case EMPTY_TOKEN -> Credentials.literal("Bearer", "");
                case UNKNOWN_KEY -> Credentials.literal("Bearer", "vx_conformance_not_a_key_0000");
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Target target;
    private final Http http;

    GetCallCases(Target target, Http http) {
        this.target = target;
        this.http = http;
    }

    @Test
    @Order(1)
    @Requests(2)
    @DisplayName("contract · your team's call → 200 with that call")
    void ownCallIs200WithThatCall(TestReporter reporter) {
        Exchange own = http.get(target.callId(), target.credentials());

        Expect.status(own, 200, "a call of the key's team is found");
        Expect.json(own, "/call/id", target.callId(), "the call found is the one asked for");
        Expect.json(own, "/success", true, "a found call says success");
        if (target.otherCredentials().isPresent()) {
            Exchange theirs = http.get(foreignCallId(), target.otherCredentials().get());

            Expect.status(theirs, 200, "the other team's key reads its team's call (so that call exists, and its 404"
                    + " for your key means what it should)");
            Expect.json(theirs, "/call/id", foreignCallId(), "the call found is the one asked for");
        } else if (target.foreignCallId().isPresent()) {
            reporter.publishEntry("note", "that another team's call exists was not checked: give "
                    + Target.Setting.OTHER_API_KEY.env() + " (a key of its team) too");
        }
    }

    @ParameterizedTest(name = "contract · {0} → 401")
    @Order(2)
    @Requests(4)
    @EnumSource(Unauthenticated.class)
    @DisplayName("contract · a request without a valid key → 401")
    void withoutAValidKeyIs401(Unauthenticated kind) {
        Exchange refused = http.get(target.callId(), kind.credentials(target));

        Expect.status(refused, 401, "a request with " + kind + " is refused as unauthorized");
        Expect.json(refused, "/success", false, "an error says success: false");
    }

    @Test
    @Order(3)
    @Requests(4)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · every 401 carries WWW-Authenticate: Bearer")
    void every401CarriesWwwAuthenticateBearer(TestReporter reporter) {
        List<Exchange> refused = new ArrayList<>();
        List<String> not401 = new ArrayList<>();
        for (Unauthenticated kind : Unauthenticated.values()) {
            Exchange exchange = http.fetch(target.callId(), kind.credentials(target));
            if (exchange.status() == 401) {
                refused.add(exchange);
            } else {
                not401.add(kind + " (" + exchange.status() + ")");
            }
        }
        Assumptions.assumeFalse(refused.isEmpty(), () -> "no request without a valid key was answered 401 ("
                + String.join(", ", not401) + "): the 'contract · … → 401' cases report that");
        if (!not401.isEmpty()) {
            reporter.publishEntry("note", "not a 401, so not checked here: " + String.join(", ", not401));
        }
        for (Exchange exchange : refused) {
            Optional<String> challenge = exchange.header("WWW-Authenticate");
            Expect.that(challenge.filter(c -> c.strip().regionMatches(true, 0, "Bearer", 0, 6)).isPresent(),
                    "a 401 (here for " + exchange.authorization().shown() + ") tells the client to authenticate with a"
                            + " Bearer token",
                    "WWW-Authenticate: Bearer", challenge.map(c -> "WWW-Authenticate: " + c).orElse("no WWW-Authenticate header"),
                    exchange);
        }
    }

    @Test
    @Order(4)
    @Requests(1)
    @DisplayName("contract · an unknown id → 404")
    void unknownIdIs404() {
        Exchange missing = http.get(UNKNOWN_ID, target.credentials());

        Expect.status(missing, 404, "an id no call has is not found");
        Expect.json(missing, "/success", false, "an error says success: false");
    }

    @ParameterizedTest(name = "contract · id {0} → 404")
    @Order(5)
    @Requests(6)
    @ValueSource(strings = {"a/b", "../x", "%", "ü-call", "with space", "x?y#z"})
    @DisplayName("contract · ids with reserved or non-ASCII characters → 404")
    void idsWithReservedOrNonAsciiCharactersAre404(String id) {
        Exchange missing = http.get(id, target.credentials());

        Expect.status(missing, 404, "the id, sent as one encoded path segment, is taken as an id no call has");
        Expect.json(missing, "/success", false, "an error says success: false");
    }

    @Test
    @Order(6)
    @Requests(2)
    @DisplayName("contract · another team's call → 404")
    void anotherTeamsCallIs404() {
        Exchange other = http.get(foreignCallId(), target.credentials());

        Expect.status(other, 404, "a call of another team is not served to this key (\"Only calls belonging to your team"
                + " are returned\")");
        if (target.otherCredentials().isPresent()) {
            Exchange yours = http.get(target.callId(), target.otherCredentials().get());

            Expect.status(yours, 404, "nor is your team's call served to the other team's key");
        }
    }

    @Test
    @Order(7)
    @Requests(4)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · another team's call gets the same 404 as an unknown id")
    void anotherTeamsCallGetsTheSame404AsAnUnknownId() {
        Exchange other = http.fetch(foreignCallId(), target.credentials());
        Exchange unknown = http.fetch(UNKNOWN_ID, target.credentials());
        Optional<Credentials> otherKey = target.otherCredentials();
        Exchange yours = otherKey.map(k -> http.fetch(target.callId(), k)).orElse(null);
        Exchange unknownToThem = otherKey.map(k -> http.fetch(UNKNOWN_ID, k)).orElse(null);

        List<NotFoundPair> pairs = new ArrayList<>(List.of(new NotFoundPair("another team's call", other, unknown)));
        if (yours != null) {
            pairs.add(new NotFoundPair("your call, read with the other team's key,", yours, unknownToThem));
        }
        sameNotFound(pairs);
    }

    @Test
    @Order(8)
    @Requests(2)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · X-RateLimit-Limit and X-RateLimit-Remaining on every authenticated response")
    void rateLimitHeadersOnEveryAuthenticatedResponse() {
        for (Exchange exchange : List.of(http.fetch(target.callId(), target.credentials()),
                http.fetch(UNKNOWN_ID, target.credentials()))) {
            for (String name : List.of("X-RateLimit-Limit", "X-RateLimit-Remaining")) {
                Expect.that(exchange.wholeNumber(name).isPresent(),
                        "an authenticated response (here a " + exchange.status() + ") says the key's quota",
                        name + ": a whole number",
                        exchange.header(name).map(v -> name + ": " + v).orElse("no " + name + " header"), exchange);
            }
        }
    }

    @Test
    @Order(8)
    @Requests(1)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · RateLimit and RateLimit-Policy, when sent, are well-formed (draft-ietf-httpapi-ratelimit-headers-11)")
    void ietfFieldsAreWellFormed() {
        Exchange own = http.fetch(target.callId(), target.credentials());
        Assumptions.assumeTrue(IetfFields.sent(own), "the server sends no IETF fields (RateLimit, RateLimit-Policy): "
                + "nothing to check");
        List<String> problems = new ArrayList<>();

        IetfFields.read(own, problems);

        Expect.that(problems.isEmpty(), "the IETF rate-limit fields parse strictly as Structured Fields Lists, with the "
                        + "parameters the draft requires, and RateLimit names a listed policy",
                "RateLimit-Policy: \"name\";q=N[;w=S], ...  and  RateLimit: \"name\";r=N[;t=S]",
                String.join("; ", problems), own);
    }

    /** Someone else's call, and an unknown id, asked for with the same key. */
    private record NotFoundPair(String what, Exchange foreign, Exchange unknown) {
        boolean both404() {
            return foreign.status() == 404 && unknown.status() == 404;
        }
    }

    /**
     * Existence never leaks: the 404 for someone else's call is byte for byte the 404 for no call.
     * Pairs where either is not a 404 are the contract cases' to report; with none left, nothing is compared.
     */
    private static void sameNotFound(List<NotFoundPair> pairs) {
        List<NotFoundPair> comparable = pairs.stream().filter(NotFoundPair::both404).toList();
        Assumptions.assumeFalse(comparable.isEmpty(), () -> pairs.get(0).what() + " was answered "
                + pairs.get(0).foreign().status() + " and an unknown id " + pairs.get(0).unknown().status()
                + ": the contract cases report that");
        for (NotFoundPair pair : comparable) {
            Exchange foreign = pair.foreign();
            Exchange unknown = pair.unknown();
            Expect.that(Arrays.equals(foreign.body(), unknown.body()) && sameMediaType(foreign, unknown),
                    "a 404 does not reveal that the call exists: " + pair.what() + " gets the very bytes an unknown id gets",
                    "the same Content-Type and body as the unknown id's 404", difference(foreign, unknown), foreign, unknown);
        }
    }

    static boolean sameMediaType(Exchange a, Exchange b) {
        return String.valueOf(a.contentType()).equalsIgnoreCase(String.valueOf(b.contentType()));
    }

    static String difference(Exchange a, Exchange b) {
        List<String> lines = new ArrayList<>();
        if (!sameMediaType(a, b)) {
            lines.add("Content-Type " + a.contentType() + " vs " + b.contentType());
        }
        byte[] x = a.body();
        byte[] y = b.body();
        int at = Arrays.mismatch(x, y);
        if (at >= 0) {
            lines.add("bodies differ from byte " + at + " (" + x.length + " vs " + y.length + " bytes): "
                    + a.shownBody() + "  vs  " + b.shownBody());
        }
        return String.join("\n", lines);
    }

    private String foreignCallId() {
        return target.foreignCallId().orElseThrow(() -> Assumptions.<RuntimeException>abort(
                "no call of another team given: " + Target.Setting.FOREIGN_CALL_ID.named()));
    }
}
