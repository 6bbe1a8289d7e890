package ai.voxworks.mock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults at random, but the same ones for the same seed: each get-call request, counted from 0
 * since the server started or was last reset, draws its fault from the seed and its number alone,
 * so two runs with one seed fault the same requests (sent one after another; concurrent requests
 * are numbered in the order they arrive).
 *
 * <pre>{@code
 * FaultProfile profile = FaultProfile.parse("5%:reset,2%:500").withSeed(42);
 * profile.faultFor(0);   // Optional.empty, or the fault request 0 gets, every time
 * }</pre>
 */
public final class FaultProfile {

    /**
     * One fault and the share of requests it hits.
     *
     * @param percent more than 0 and at most 100, to four decimals ({@code 0.5} is one request in 200)
     * @param fault   the fault
     */
    public record Entry(BigDecimal percent, Fault fault) {

        public Entry {
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(fault, "fault");
            percent = percent.stripTrailingZeros();
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.scale() > 4) {
                throw new IllegalArgumentException("a fault's share must be more than 0% and at most 100%, to four "
                        + "decimals, not " + percent.toPlainString() + "%");
            }
        }

        @Override
        public String toString() {
            return percent.toPlainString() + "%:" + fault;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** No faults. */
    public static final FaultProfile OFF = new FaultProfile(List.of(), 0);

    /** Draws are whole millionths: four decimals of a percent. */
    private static final int MILLION = 1_000_000;
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,4})?)\\s*%\\s*:\\s*(\\S+)");
    private static final String FORM = "expected PERCENT%:FAULT, comma-separated, such as 5%:reset,2%:500, or 'off'";

    private final List<Entry> entries;
    private final long seed;
    /** Cumulative millionths: request draws below {@code below[i]} and not below {@code below[i-1]} get entry i's fault. */
    private final long[] below;

    /**
     * @param entries each fault and the share of requests it hits; none for no faults
     * @param seed    what the draws start from
     * @throws IllegalArgumentException when a fault is listed twice or the shares add up to more than 100%
     */
    public FaultProfile(List<Entry> entries, long seed) {
        this.entries = List.copyOf(entries);
        this.seed = seed;
        this.below = new long[this.entries.size()];
        Set<Fault> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < this.entries.size(); i++) {
            Entry entry = this.entries.get(i);
            if (!seen.add(entry.fault())) {
                throw new IllegalArgumentException("the fault '" + entry.fault() + "' is listed twice; give it once, "
                        + "with its whole share");
            }
            total = total.add(entry.percent());
            below[i] = total.movePointRight(4).longValueExact();
        }
        if (total.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the faults' shares add up to " + total.toPlainString()
                    + "%, more than 100%");
        }
    }

    /**
     * Parses {@code off} or comma-separated {@code PERCENT%:FAULT}: {@code 5%:reset,2%:500},
     * {@code 0.5%:drip}; a fault as {@link Fault#parse} reads it. The seed is 0 ({@link #withSeed}).
     *
     * @throws IllegalArgumentException in one line naming the text and what is wrong
     */
    public static FaultProfile parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("off")) {
            return OFF;
        }
        List<Entry> entries = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            Matcher m = ENTRY.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a fault profile; " + FORM);
            }
            try {
                entries.add(new Entry(new BigDecimal(m.group(1)), Fault.parse(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a fault profile; " + e.getMessage(), e);
            }
        }
        try {
            return new FaultProfile(entries, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fault profile; " + e.getMessage(), e);
        }
    }

    /** This profile drawing from {@code seed}. */
    public FaultProfile withSeed(long seed) {
        return new FaultProfile(entries, seed);
    }

    /** Each fault and the share of requests it hits, as written; empty when off. */
    public List<Entry> entries() {
        return entries;
    }

    /** What the draws start from; 0 unless {@link #withSeed} says otherwise. */
    public long seed() {
        return seed;
    }

    /** Whether any request is faulted at all. */
    public boolean enabled() {
        return !entries.isEmpty();
    }

    /**
     * The fault request {@code n} (from 0) gets, if any: a function of the seed and {@code n} only.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Optional<Fault> faultFor(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a request number is 0 or more, not " + n);
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        long draw = Long.remainderUnsigned(mix(seed + n * 0x9E3779B97F4A7C15L), MILLION);
        for (int i = 0; i < below.length; i++) {
            if (draw < below[i]) {
                return Optional.of(entries.get(i).fault());
            }
        }
        return Optional.empty();
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs, the same on every JVM. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultProfile other && entries.equals(other.entries) && seed == other.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, seed);
    }

    /** As {@link #parse} reads it, without the seed: {@code 5%:reset,2%:500}, or {@code off}. */
    @Override
    public String toString() {
        return entries.isEmpty() ? "off" : String.join(",", entries.stream().map(Entry::toString).toList());
    }
}
