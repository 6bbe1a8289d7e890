package ai.voxworks.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What a server must refuse, and how (strict: the spec documents only {@code GET}): other methods,
 * {@code HEAD}, and ids generated from {@code --seed} ({@code --fuzz N} of them). The generated ids
 * are sent once per run, then one case per rule reads the answers: no server error, every refusal
 * a JSON error, and the 404 an unknown id gets for every id the key cannot read. Each failure
 * lists the ids that broke the rule, and the seed repeats the run.
 */
@DisplayName("other methods, HEAD and generated ids")
@ExtendWith(TargetExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2)
class NegativeCases {

    /** The methods a client might try on a read-only resource; the ones the spec documents there are skipped. */
    static final List<String> OTHER_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");
    /** How many offending ids a failure shows with their exchanges; it counts them all. */
    static final int SHOWN = 3;

    /** One generated id and the answer to it. */
    record Answered(GeneratedIds.Id id, Exchange exchange) {
        int status() {
            return exchange.status();
        }

        String line() {
            return id.shown() + " → " + exchange.status();
        }
    }

    /** The answers to the generated ids, and the 404 an unknown id got just before them. */
    record Generated(Exchange unknown, List<Answered> answers) {
    }

    private final Target target;
    private final Http http;
    private final OpenApiContract contract;
    private Generated generated;
    private RuntimeException generationStopped;

    NegativeCases(Target target, Http http, OpenApiContract contract) {
        this.target = target;
        this.http = http;
        this.contract = contract;
    }

    @Test
    @Order(1)
    @Requests(4)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · POST, PUT, PATCH and DELETE → 405 with Allow")
    void otherMethodsAre405WithAllow(TestReporter reporter) {
        List<String> documented = OTHER_METHODS.stream().filter(contract.methods()::contains).toList();
        List<String> refused = OTHER_METHODS.stream().filter(m -> !documented.contains(m)).toList();
        Assumptions.assumeFalse(refused.isEmpty(), "the spec documents every one of " + OTHER_METHODS + " on this path");
        if (!documented.isEmpty()) {
            reporter.publishEntry("note", "documented in the spec, so not expected to be refused: " + documented);
        }
        for (String method : refused) {
            Exchange exchange = http.fetch(new Http.Request(method, target.callId(), target.credentials(),
                    method.equals("DELETE") ? null : Http.JSON_BODY));
            String allow = exchange.header("Allow").orElse(null);
            boolean listsGet = allow != null && List.of(allow.toUpperCase(Locale.ROOT).split("\\s*,\\s*")).contains("GET");
            Expect.that(exchange.status() == 405 && listsGet, "a method the resource does not support is refused as such "
                            + "(RFC 9110 §15.5.6: 405 with an Allow field listing the methods it does support)",
                    method + " → status 405 with Allow: GET, …",
                    method + " → status " + exchange.status() + (allow == null ? ", no Allow header" : ", Allow: " + allow),
                    exchange);
        }
    }

    @Test
    @Order(2)
    @Requests(2)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · HEAD answers as GET does, without a body")
    void headAnswersAsGetWithoutABody() {
        Exchange get = http.fetch(target.callId(), target.credentials());
        Exchange head = http.fetch(new Http.Request("HEAD", target.callId(), target.credentials(), null));

        Expect.that(head.status() == get.status(), "HEAD gets the status GET gets (RFC 9110 §9.3.2)",
                "status " + get.status(), "status " + head.status(), get, head);
        Expect.that(GetCallCases.sameMediaType(get, head), "HEAD gets the Content-Type GET gets",
                "Content-Type: " + get.contentType(), "Content-Type: " + head.contentType(), get, head);
        Expect.that(head.body().length == 0, "a response to HEAD has no body (RFC 9110 §9.3.2): bytes after its headers "
                        + "would be read as the next response on the connection",
                "no bytes after the headers", head.body().length + " bytes after the headers", head);
    }

    @Test
    @Order(3)
    @Requests(value = 1, generatedIds = true)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · generated ids (--fuzz, --seed) → no server error")
    void generatedIdsGetNoServerError() {
        Generated run = generated();
        List<Answered> errors = run.answers().stream().filter(a -> a.status() >= 500).toList();

        fail(errors, "an id, however odd, is a string the server reads: it is never a server error", run,
                "a status below 500 for each of the " + run.answers().size() + " ids", List.of());
    }

    @Test
    @Order(4)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · generated ids → every refusal is a JSON error")
    void generatedIdsGetJsonErrors(TestReporter reporter) {
        Generated run = generated();
        List<Answered> refusals = run.answers().stream().filter(a -> a.status() >= 400 && a.status() < 500).toList();
        Assumptions.assumeFalse(refusals.isEmpty(), "no generated id was refused with a 4xx: nothing to check");
        List<Answered> notJson = refusals.stream().filter(Predicate.not(a -> jsonError(a.exchange()))).toList();
        reporter.publishEntry("note", "statuses: " + statuses(run.answers()));

        fail(notJson, "a refusal is a JSON error, as every error of this API is: Content-Type application/json and "
                        + "{\"success\":false,\"message\":\"...\"}", run,
                "a JSON error body for each of the " + refusals.size() + " refused ids", List.of());
    }

    @Test
    @Order(5)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · generated ids → the 404 an unknown id gets, whenever the lookup answers")
    void generatedIdsGetTheSame404AsAnUnknownId(TestReporter reporter) {
        Generated run = generated();
        Exchange unknown = run.unknown();
        Assumptions.assumeTrue(unknown.status() == 404, () -> "an unknown id was answered " + unknown.status()
                + ", not 404: 'contract · an unknown id → 404' reports that");
        // A 4xx other than 404 refuses the request before any lookup (a NUL in the path, say): nothing about a call leaks.
        List<Answered> looked = run.answers().stream().filter(a -> a.status() < 400 || a.status() == 404).toList();
        Assumptions.assumeFalse(looked.isEmpty(), () -> "no generated id reached the lookup (statuses: "
                + statuses(run.answers()) + "): nothing to compare");
        if (looked.size() < run.answers().size()) {
            reporter.publishEntry("note", "refused before any lookup, allowed: " + statuses(run.answers().stream()
                    .filter(Predicate.not(looked::contains)).filter(a -> a.status() < 500).toList()));
        }
        List<Answered> different = looked.stream().filter(a -> a.status() != 404
                || !Arrays.equals(a.exchange().body(), unknown.body())
                || !GetCallCases.sameMediaType(a.exchange(), unknown)).toList();

        fail(different, "an id no call has gets the very 404 an unknown id gets: the answer says nothing about the id "
                + "(echoing it back would make each 404 different)", run, "status 404 with the unknown id's Content-Type and "
                + "body (" + unknown.shownBody() + ") for each of the " + looked.size() + " ids answered by the lookup",
                List.of(unknown));
    }

    /** Sends the generated ids once per run, after an unknown id for the 404 to compare with. */
    private Generated generated() {
        Assumptions.assumeTrue(target.fuzz() > 0, "--fuzz 0: no ids generated");
        if (generationStopped != null) {
            throw generationStopped;
        }
        if (generated == null) {
            try {
                Exchange unknown = http.fetch(GetCallCases.UNKNOWN_ID, target.credentials());
                Set<String> known = new HashSet<>(List.of(target.callId(), GetCallCases.UNKNOWN_ID));
                target.foreignCallId().ifPresent(known::add);
                List<Answered> answers = new ArrayList<>();
                for (GeneratedIds.Id id : GeneratedIds.generate(target.seed(), target.fuzz(), known)) {
                    answers.add(new Answered(id, http.fetch(id.value(), target.credentials())));
                }
                generated = new Generated(unknown, List.copyOf(answers));
            } catch (RateLimited e) {
                generationStopped = e;
                throw e;
            }
        }
        return generated;
    }

    /** Fails with every offending id counted, the first few shown with their exchanges, and how to send them again. */
    private void fail(List<Answered> offending, String check, Generated run, String expected, List<Exchange> alongside) {
        if (offending.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(offending.size() + " of " + run.answers().size() + " ids (seed " + target.seed() + "):");
        offending.stream().limit(10).forEach(a -> lines.add("  " + a.line()));
        if (offending.size() > 10) {
            lines.add("  … and " + (offending.size() - 10) + " more");
        }
        lines.add("the same ids again: --fuzz " + target.fuzz() + " --seed " + target.seed());
        List<Exchange> shown = offending.stream().limit(SHOWN).map(Answered::exchange).collect(Collectors.toList());
        shown.addAll(alongside);
        Expect.that(false, check, expected, String.join("\n", lines), shown.toArray(Exchange[]::new));
    }

    private static boolean jsonError(Exchange exchange) {
        String type = String.valueOf(exchange.contentType()).toLowerCase(Locale.ROOT);
        JsonNode json = exchange.json();
        return type.startsWith("application/json") && json.path("success").isBoolean() && !json.path("success").booleanValue()
                && json.path("message").isString();
    }

    /** {@code 404 ×17, 400 ×3}. */
    private static String statuses(List<Answered> answers) {
        Map<Integer, Long> counts = answers.stream().collect(Collectors.groupingBy(Answered::status, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }
}
