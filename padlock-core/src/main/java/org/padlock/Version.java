package org.padlock;

/** The padlock version recorded in frozen designs, results and reports. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
