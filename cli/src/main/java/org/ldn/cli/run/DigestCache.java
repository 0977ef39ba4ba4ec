package org.ldn.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
    /** A digest as the file holds it; compiled once (String.matches compiled it again for each of up to 4096 lines). */
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** A file's size and SHA-256. */
    record Digest(long bytes, String sha256) {
    }

    private record Entry(long bytes, long modified, String identity, String sha256, long used) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Path file;
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
        if (file != null) {
            load();
        }
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
            Entry e = entries.get(key);
            if (e == null || e.bytes() != a.size() || e.modified() != modified || !e.identity().equals(identity)) {
                e = new Entry(a.size(), modified, identity, Digests.sha256(key), System.currentTimeMillis());
            } else {
                e = new Entry(e.bytes(), e.modified(), e.identity(), e.sha256(), System.currentTimeMillis());
            }
            entries.put(key, e);
            return new Digest(e.bytes(), e.sha256());
        } catch (IOException e) {
            throw new InputException(given + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the cache file (atomically, merged with what another run may have written meanwhile); does nothing for
     * a cache in memory, and never fails a run: a cache that cannot be written is simply not kept.
     */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Map<Path, Entry> all = new TreeMap<>(read(file));
            all.putAll(entries);
            List<Map.Entry<Path, Entry>> list = new ArrayList<>(all.entrySet());
            list.sort((x, y) -> Long.compare(y.getValue().used(), x.getValue().used()));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(MAX_ENTRIES, list.size()); i++) {
                Entry e = list.get(i).getValue();
                sb.append(e.sha256()).append('\t').append(e.bytes()).append('\t').append(e.modified()).append('\t')
                        .append(e.used()).append('\t').append(e.identity()).append('\t').append(list.get(i).getKey())
                        .append('\n');
            }
            org.ldn.geodata.files.TextFiles.replace(file, sb);
        } catch (IOException | RuntimeException e) {
            // a cache only: the next run hashes again
        }
    }

    private void load() {
        entries.putAll(read(file));
    }

    /** The entries of a cache file; malformed lines (or an unreadable file) are skipped. */
    private static Map<Path, Entry> read(Path file) {
        Map<Path, Entry> out = new TreeMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 6);
                if (f.length == 6 && SHA256_HEX.matcher(f[0]).matches()) {
                    try {
                        out.put(Path.of(f[5]), new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[4], f[0],
                                Long.parseLong(f[3])));
                    } catch (RuntimeException bad) {
                        // skip the line
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }
}
