package org.ldn.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;

/**
 * Input digests remembered across the runs of one batch, so that a global raster is hashed once rather than once
 * per country, and (with {@link #persistent()}) across runs, in a small file. A digest is reused only while the
 * file keeps its size, modification time (to the nanosecond the file system keeps) and file identity (device and
 * inode where the system has them, so a file replaced by another is hashed again). Thread-safe.
 */
public final class DigestCache {
    /** System property naming the cache file of {@link #persistent()}, or {@code off} for none. */
    public static final String FILE_PROPERTY = "ldn.digestCache";
    /** Entries kept in the cache file (the most recently used). */
    private static final int MAX_ENTRIES = 4096;
    /**
     * How old an entry's last use may be before a run that only reads it writes the file again to date it: runs on
     * unchanged inputs then leave the file alone (reading and rewriting 4,096 entries took 0.15-0.25 s of a run's
     * set-up, docs/benchmarks.md, "Eleventh round").
     */
    private static final long REDATE_MILLIS = TimeUnit.HOURS.toMillis(1);

    /** A file's size and SHA-256. */
    record Digest(long bytes, String sha256) {
    }

    private record Entry(long bytes, long modified, String identity, String sha256, long used) {
    }

    /** This process's entries (looked up or hashed), by absolute normalised path. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Path file;
    /** The file's entries, read at the first look-up (on the thread that hashes, not the one that sets up). */
    private volatile Map<String, Entry> stored;
    /** Whether {@link #save()} has something to write: an entry hashed, or one whose last use should be dated. */
    private volatile boolean changed;
    /** False for {@link #none()}: records carry no digest. */
    private boolean hash = true;

    /**
     * A cache that hashes nothing (records carry no digest): for a process that assembles a run only to compute
     * some of its tiles, while another writes the report.
     */
    static DigestCache none() {
        DigestCache c = new DigestCache();
        c.hash = false;
        return c;
    }

    /** A cache in memory only. */
    public DigestCache() {
        this(null);
    }

    private DigestCache(Path file) {
        this.file = file;
    }

    /**
     * The cache kept between runs: in the file the system property {@value #FILE_PROPERTY} names (or none when it is
     * {@code off}), else {@code $XDG_CACHE_HOME/ldn/digests.tsv}, else {@code ~/.cache/ldn/digests.tsv}.
     */
    public static DigestCache persistent() {
        String prop = System.getProperty(FILE_PROPERTY);
        if ("off".equals(prop)) {
            return new DigestCache();
        }
        Path f;
        if (prop != null && !prop.isBlank()) {
            f = Path.of(prop);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            if (xdg != null && !xdg.isBlank()) {
                f = Path.of(xdg, "ldn", "digests.tsv");
            } else if (home != null && !home.isBlank()) {
                f = Path.of(home, ".cache", "ldn", "digests.tsv");
            } else {
                return new DigestCache();
            }
        }
        return new DigestCache(f);
    }

    /** A cache kept in {@code file}. */
    static DigestCache at(Path file) {
        return new DigestCache(file);
    }

    /** The report's record of input {@code p}, named {@code given} in the run file, in the role {@code role}. */
    Report.Input input(String role, String given, Path p) {
        Digest d = digest(p, given);
        return new Report.Input(role, given, d.sha256(), d.bytes());
    }

    /** Size and SHA-256 of {@code p}, hashed unless the cache holds them for the file as it is now. */
    Digest digest(Path p, String given) {
        try {
            Path key = p.toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
            if (!hash) {
                return new Digest(a.size(), null);
            }
            long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String identity = a.fileKey() == null ? "" : a.fileKey().toString().replace('\t', ' ');
            String name = key.toString();
            Entry e = entries.get(name);
            if (e == null) {
                e = stored().get(name);
            }
            long now = System.currentTimeMillis();
            if (e == null || e.bytes() != a.size() || e.modified() != modified || !e.identity().equals(identity)) {
                e = new Entry(a.size(), modified, identity, Digests.sha256(key), now);
                changed = true;
            } else {
                if (now - e.used() >= REDATE_MILLIS || now < e.used()) {
                    changed = true;
                }
                e = new Entry(e.bytes(), e.modified(), e.identity(), e.sha256(), now);
            }
            entries.put(name, e);
            return new Digest(e.bytes(), e.sha256());
        } catch (IOException e) {
            throw new InputException(given + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The cache file's entries, read once. */
    private Map<String, Entry> stored() {
        Map<String, Entry> s = stored;
        if (s == null) {
            synchronized (this) {
                s = stored;
                if (s == null) {
                    s = file == null ? Map.of() : read(file);
                    stored = s;
                }
            }
        }
        return s;
    }

    /**
     * Writes the cache file (atomically, merged with what another run may have written meanwhile) when this run
     * hashed a file or used an entry last used over an hour ago; does nothing for a cache in memory, and never
     * fails a run: a cache that cannot be written is simply not kept.
     */
    public void save() {
        if (file == null || !changed) {
            return;
        }
        try {
            Map<String, Entry> all = read(file);
            all.putAll(entries);
            List<Map.Entry<String, Entry>> list = new ArrayList<>(all.entrySet());
            list.sort((x, y) -> {
                int c = Long.compare(y.getValue().used(), x.getValue().used());
                return c != 0 ? c : x.getKey().compareTo(y.getKey());
            });
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(MAX_ENTRIES, list.size()); i++) {
                Entry e = list.get(i).getValue();
                sb.append(e.sha256()).append('\t').append(e.bytes()).append('\t').append(e.modified()).append('\t')
                        .append(e.used()).append('\t').append(e.identity()).append('\t').append(list.get(i).getKey())
                        .append('\n');
            }
            org.ldn.geodata.files.TextFiles.replace(file, sb);
            changed = false;
        } catch (IOException | RuntimeException e) {
            // a cache only: the next run hashes again
        }
    }

    /** The entries of a cache file by path; malformed lines (or an unreadable file) are skipped. */
    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> out = new HashMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line, out);
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /**
     * Adds the entry of one line (digest, bytes, modified, used, identity, path, separated by tabs; the path last,
     * so it may hold tabs) to {@code out}, unless the line is malformed. Fields are cut with indexOf rather than
     * split and a regular expression: a cache holds up to 4,096 lines and is read before the first tile.
     */
    private static void parse(String line, Map<String, Entry> out) {
        int[] tab = new int[5];
        int from = 0;
        for (int i = 0; i < 5; i++) {
            tab[i] = line.indexOf('\t', from);
            if (tab[i] < 0) {
                return;
            }
            from = tab[i] + 1;
        }
        if (tab[0] != 64 || !lowerHex(line, 64)) {
            return;
        }
        try {
            long bytes = Long.parseLong(line, tab[0] + 1, tab[1], 10);
            long modified = Long.parseLong(line, tab[1] + 1, tab[2], 10);
            long used = Long.parseLong(line, tab[2] + 1, tab[3], 10);
            out.put(line.substring(tab[4] + 1), new Entry(bytes, modified, line.substring(tab[3] + 1, tab[4]),
                    line.substring(0, 64), used));
        } catch (NumberFormatException bad) {
            // skip the line
        }
    }

    /** Whether the first {@code n} characters of {@code s} are lower-case hexadecimal digits. */
    private static boolean lowerHex(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
