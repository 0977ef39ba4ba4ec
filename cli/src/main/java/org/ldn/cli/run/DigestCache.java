package org.ldn.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;

/**
 * Input digests remembered across the runs of one batch, so that a global raster is hashed once rather than once
 * per country. A digest is reused only while the file keeps its size and modification time. Thread-safe.
 */
public final class DigestCache {
    private record Entry(long bytes, long modified, String sha256) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final boolean hash;

    DigestCache() {
        this(true);
    }

    private DigestCache(boolean hash) {
        this.hash = hash;
    }

    /**
     * A cache that hashes nothing (records carry no digest): for a process that assembles a run only to compute
     * some of its tiles, while another writes the report.
     */
    static DigestCache none() {
        return new DigestCache(false);
    }

    /** The report's record of input {@code p}, named {@code given} in the run file, in the role {@code role}. */
    Report.Input input(String role, String given, Path p) {
        try {
            Path key = p.toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().toMillis();
            Entry e = entries.get(key);
            if (e == null || e.bytes() != a.size() || e.modified() != modified) {
                e = new Entry(a.size(), modified, hash ? Digests.sha256(key) : null);
                entries.put(key, e);
            }
            return new Report.Input(role, given, e.sha256(), e.bytes());
        } catch (IOException e) {
            throw new InputException(given + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
