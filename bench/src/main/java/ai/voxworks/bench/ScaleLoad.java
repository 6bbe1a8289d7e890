package ai.voxworks.bench;

import ai.voxworks.mock.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/** Times loading (parse, validate, prepare) a fixtures directory and the heap it holds: {@code ScaleLoad DIR}. */
public final class ScaleLoad {

    private ScaleLoad() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long started = System.nanoTime();
        Fixtures set = Fixtures.load(Path.of(args[0]));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("calls=%d load_ms=%d heap_mb=%.1f%n", set.calls().size(), millis,
                (heapAfter - heapBefore) / 1024.0 / 1024.0);
    }
}
