package ai.voxworks.mock;

import java.util.List;
import java.util.Locale;

/**
 * Something the network or the API does wrong to one get-call request, on demand: a request asks
 * for it ({@code Prefer: fault=reset}), a test queues it ({@link MockServer#faultNext}), or a
 * {@link FaultProfile} draws it. The journal names it ({@link RecordedRequest#fault()}).
 *
 * <ul>
 *   <li>{@link #RESET}: the connection is reset (TCP RST) before a byte of the response; the request
 *       goes no further (no key needed, no rate-limit token taken).</li>
 *   <li>{@link #TRUNCATE}: the response the request earned, with its status, headers and
 *       {@code Content-Length}, then half its body, then the connection closes.</li>
 *   <li>{@link #DRIP}: that response's status and headers at once, then its body
 *       {@value #DRIP_BYTES_PER_SECOND} bytes a second, to the end unless the client leaves first.</li>
 *   <li>{@link #MALFORMED}: a 200 whose body is not JSON, though it says {@code application/json};
 *       like a reset it goes no further.</li>
 *   <li>{@link #status(int)}: one of the documented errors of getCall (401, 404, 429, 500), as
 *       {@code Prefer: code=} forces it.</li>
 * </ul>
 */
public final class Fault {

    /** How fast {@link #DRIP} sends a body. */
    public static final int DRIP_BYTES_PER_SECOND = 4;

    public static final Fault RESET = new Fault("reset", 0);
    public static final Fault TRUNCATE = new Fault("truncate", 0);
    public static final Fault DRIP = new Fault("drip", 0);
    public static final Fault MALFORMED = new Fault("malformed", 0);

    private static final List<Fault> NETWORK = List.of(RESET, TRUNCATE, DRIP, MALFORMED);
    private static final List<Fault> STATUSES = List.of(new Fault("401", 401), new Fault("404", 404),
            new Fault("429", 429), new Fault("500", 500));
    /** What a message lists as the accepted names. */
    static final String NAMES = "reset, truncate, drip, malformed, 401, 404, 429 or 500";

    private final String name;
    private final int status;

    private Fault(String name, int status) {
        this.name = name;
        this.status = status;
    }

    /**
     * The documented error response {@code status} of getCall, as a fault.
     *
     * @throws IllegalArgumentException for any status but 401, 404, 429 and 500
     */
    public static Fault status(int status) {
        return STATUSES.stream().filter(f -> f.status == status).findFirst().orElseThrow(() ->
                new IllegalArgumentException(status + " is not a documented error of getCall; use 401, 404, 429 or 500"));
    }

    /**
     * A fault by its name, as {@code Prefer: fault=} and {@code --faults} write it: {@code reset},
     * {@code truncate}, {@code drip}, {@code malformed}, or a status ({@code 500}).
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static Fault parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (List<Fault> faults : List.of(NETWORK, STATUSES)) {
            for (Fault fault : faults) {
                if (fault.name.equals(name)) {
                    return fault;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a fault; use " + NAMES);
    }

    /** {@code reset}, {@code truncate}, {@code drip}, {@code malformed}, or the status ({@code 500}). */
    public String name() {
        return name;
    }

    /** The status it forces, or 0 for the four faults of the network. */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return name;
    }
}
