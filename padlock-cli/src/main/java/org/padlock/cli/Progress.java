package org.padlock.cli;

import java.util.function.Consumer;

/** Progress lines on stderr, prefixed with elapsed seconds. */
final class Progress implements Consumer<String> {
    private final long start = System.nanoTime();
    private final String prefix;

    Progress(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void accept(String s) {
        System.err.printf(java.util.Locale.ROOT, "[%6.1fs] %s%s%n", (System.nanoTime() - start) / 1e9, prefix, s);
    }
}
