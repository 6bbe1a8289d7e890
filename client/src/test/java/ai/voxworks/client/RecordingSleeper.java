package ai.voxworks.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** Remembers every wait the client asked for and returns at once: retries take no real time. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    @Override
    public Executor after(Duration duration) {
        waits.add(duration);
        return Runnable::run;
    }
}
