package ai.voxworks.conformance;

import java.util.Locale;

/** Which rules a run checks. Each case names its profile first in its display name and strict ones carry {@link #STRICT_TAG}. */
enum Profile {
    /** Exactly what {@code fixtures/openapi.yaml} states: a server that meets the spec passes. */
    CONTRACT("what fixtures/openapi.yaml states (documented status, Content-Type, body schema, documented headers"
            + " when present)"),
    /** The contract plus what this toolkit promises beyond it. */
    STRICT("the contract plus the toolkit's promises: rate-limit headers on every authenticated response,"
            + " whole-seconds Retry-After that holds, WWW-Authenticate on 401, identical 404s for others' and unknown ids,"
            + " well-formed IETF RateLimit fields when sent");

    /** The JUnit tag of the cases only the strict profile runs. */
    static final String STRICT_TAG = "strict";

    private final String meaning;

    Profile(String meaning) {
        this.meaning = meaning;
    }

    /** {@code contract} or {@code strict}, as typed after {@code --profile}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String describe() {
        return id() + ": " + meaning;
    }

    static Profile parse(String value) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException(Target.Setting.PROFILE.named() + ": '" + value + "' is neither contract nor strict");
    }
}
