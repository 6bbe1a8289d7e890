package ai.voxworks.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * When one {@code getCall}, retries included, must be over. Enforced without a watchdog thread
 * per call (OkHttp's {@code callTimeout} is one): each attempt's connect and read timeouts are cut
 * to the time left, waits between attempts never cross it, and the body is read in pieces with
 * the clock checked between them, so a server dripping its body is cut off too.
 */
final class Deadline {

    /** No deadline. */
    static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

    /** Cuts each attempt's timeouts to the time left; installed once on the client's {@code OkHttpClient}. */
    static final Interceptor TIMEOUTS = chain -> {
        Deadline deadline = chain.request().tag(Deadline.class);
        if (deadline == null || deadline == NONE) {
            return chain.proceed(chain.request());
        }
        int left = (int) Math.min(Integer.MAX_VALUE, deadline.leftMillis());
        if (left <= 0) {
            throw deadline.exceeded();
        }
        return chain.withConnectTimeout(Math.min(left, chain.connectTimeoutMillis()), TimeUnit.MILLISECONDS)
                .withReadTimeout(Math.min(left, chain.readTimeoutMillis()), TimeUnit.MILLISECONDS)
                .withWriteTimeout(Math.min(left, chain.writeTimeoutMillis()), TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    };

    private static final long PIECE = 8192;

    private final long atNanos;
    private final Duration length;

    private Deadline(long atNanos, Duration length) {
        this.atNanos = atNanos;
        this.length = length;
    }

    /** {@code length} from now; {@link Duration#ZERO} for none. */
    static Deadline after(Duration length) {
        return length.isZero() ? NONE : new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    long leftMillis() {
        return this == NONE ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(atNanos - System.nanoTime());
    }

    /** Whether waiting {@code wait} now would end past the deadline. */
    boolean passedAfter(Duration wait) {
        return this != NONE && System.nanoTime() + wait.toNanos() - atNanos > 0;
    }

    /** A body larger than the client accepts. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("the body is larger than the " + (max >= 1 << 20 ? (max >> 20) + " MiB" : max + " bytes")
                    + " the client accepts (VoxworksClient.Builder.maxResponseSize)");
        }
    }

    /**
     * The body of {@code response}, read in pieces, giving up once the deadline passes or once it
     * is larger than {@code max} bytes.
     */
    byte[] readBody(Response response, long max) throws IOException {
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        long length = body.contentLength();
        if (length > max) {
            throw new TooLarge(max);
        }
        if (length >= 0) {
            // The usual case: straight into an array of the announced size, no buffer between.
            byte[] bytes = new byte[(int) length];
            int at = 0;
            while (at < bytes.length) {
                int n = source.read(bytes, at, bytes.length - at);
                if (n < 0) {
                    throw new EOFException("the body ended after " + at + " of its " + length + " bytes");
                }
                at += n;
                if (at < bytes.length && leftMillis() <= 0) {
                    throw exceeded();
                }
            }
            return bytes;
        }
        Buffer read = new Buffer();
        while (source.read(read, PIECE) != -1) {
            if (read.size() > max) {
                throw new TooLarge(max);
            }
            if (leftMillis() <= 0) {
                throw exceeded();
            }
        }
        return read.readByteArray();
    }

    /** What a transport failure says when this deadline cut the call short. */
    InterruptedIOException exceeded() {
        return new InterruptedIOException("not done within the " + length.toSeconds() + " s deadline of getCall "
                + "(retries included; VoxworksClient.Builder.deadline sets it)");
    }
}
