package org.padlock;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times the steps of a command for {@code --verbose}: each {@link #lap} reports the wall-clock seconds
 * and the CPU seconds of the whole process (every thread: the computation's, the JIT compiler's, the
 * garbage collector's, DuckDB's) since the previous lap. On a shared machine the CPU seconds are the
 * steadier measure. Timings go only to the consumer, never into results.
 */
public final class StepTimer {
    private static final StepTimer SILENT = new StepTimer(line -> { });

    private final Consumer<String> out;
    private long wall;
    private long cpu;

    private StepTimer(Consumer<String> out) {
        this.out = out;
        this.wall = System.nanoTime();
        this.cpu = processCpu();
    }

    /** A timer that starts now and reports each lap as one line to {@code out}. */
    public static StepTimer start(Consumer<String> out) {
        return new StepTimer(out);
    }

    /** A timer that reports nothing. */
    public static StepTimer silent() {
        return SILENT;
    }

    /** Reports {@code step} with the time since the previous lap (or the start). */
    public void lap(String step) {
        if (this == SILENT) {
            return;
        }
        long w = System.nanoTime();
        long c = processCpu();
        out.accept(String.format(Locale.ROOT, "%s: %.3f s (CPU %.3f s)", step, (w - wall) / 1e9, (c - cpu) / 1e9));
        wall = w;
        cpu = c;
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
