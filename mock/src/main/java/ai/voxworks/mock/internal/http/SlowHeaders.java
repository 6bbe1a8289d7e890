package ai.voxworks.mock.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Cuts off connections that drip their request headers (slowloris): the idle timeout alone never
 * fires while a byte arrives now and then. A sweep looks at every open connection through Jetty's
 * counters: a connection that has received bytes since its last complete request, has no request
 * in progress, and stays so for longer than the limit, is closed.
 */
final class SlowHeaders implements Connection.Listener {

    /** What the sweep last saw of a connection. */
    private static final class Watch {
        long messagesIn;
        long bytesAtLastMessage;
        long waitingSince = -1;
    }

    private final long limitNanos;
    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();

    /** Sweeps on {@code scheduler} until it shuts down. */
    SlowHeaders(Duration limit, ScheduledExecutorService scheduler) {
        this.limitNanos = limit.toNanos();
        long every = Math.max(50, Math.min(1000, limit.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Watch());
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, watch) -> {
            long messagesIn = connection.getMessagesIn();
            long bytesIn = connection.getBytesIn();
            if (messagesIn != watch.messagesIn) {
                // A request's headers completed since the last sweep.
                watch.messagesIn = messagesIn;
                watch.bytesAtLastMessage = bytesIn;
                watch.waitingSince = -1;
                return;
            }
            boolean sendingHeaders = messagesIn == connection.getMessagesOut() && bytesIn > watch.bytesAtLastMessage;
            if (!sendingHeaders) {
                watch.waitingSince = -1;
            } else if (watch.waitingSince < 0) {
                watch.waitingSince = now;
            } else if (now - watch.waitingSince > limitNanos) {
                connection.getEndPoint().close();
            }
        });
    }
}
