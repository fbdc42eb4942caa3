package org.padlock.data.dfe;

import java.util.Locale;

/** The kinds of Department for Education file padlock reads; the name is the key in the mapping file. */
public enum DfeSource {
    /** Key stage 2 performance tables (final). */
    KS2,
    /** Key stage 4 performance tables. */
    KS4,
    /** School census (school-level summary). */
    CENSUS,
    /** School information spine. */
    SPINE,
    /** Get Information About Schools extract. */
    GIAS;

    /** The key used in the mapping file and in summaries ({@code ks2}, {@code census}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
