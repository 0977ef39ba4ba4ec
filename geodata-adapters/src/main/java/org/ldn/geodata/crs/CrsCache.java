package org.ldn.geodata.crs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Apache SIS's EPSG database answered in earlier runs, kept in a small file so that a run on inputs seen before
 * does not start the database (its start and its searches are most of a small run's set-up): the CRS a GeoTIFF's
 * tags describe, the CRS of an EPSG code, and for a pair of CRSs whether the database's operation is the one SIS
 * derives from the two definitions alone. Only answers that were checked to come back identical from the file are
 * kept (see {@link Crs}); failures are never kept, so a bad CRS is reported as without the file. The file is tied
 * to the SIS and EPSG-data jars that wrote it (their paths, sizes and dates) and ignored after an upgrade.
 *
 * <p>Entries are lines {@code kind TAB key TAB value}; the first line is {@code # } and the fingerprint. The file is
 * {@code $XDG_CACHE_HOME/ldn/crs.tsv} or {@code ~/.cache/ldn/crs.tsv}, or what the system property
 * {@value #FILE_PROPERTY} names ({@code off}: none, nothing remembered). Thread-safe; a file that cannot be read
 * or written is treated as empty, never as an error.
 */
public final class CrsCache {
    /** System property naming the cache file, or {@code off}. */
    public static final String FILE_PROPERTY = "ldn.crsCache";
    /** Bumped when what an entry means changes. */
    private static final String FORMAT = "ldn-crs-1";
    private static final int MAX_ENTRIES = 4096;

    private static volatile CrsCache instance;

    private final Path file;
    private final String fingerprint;
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    private CrsCache(Path file) {
        this.file = file;
        this.fingerprint = fingerprint();
        if (file != null) {
            entries.putAll(read(file, fingerprint));
        }
    }

    /** The process's cache (the file of {@value #FILE_PROPERTY} or the user's cache folder), loaded once. */
    static CrsCache get() {
        CrsCache c = instance;
        if (c == null) {
            synchronized (CrsCache.class) {
                c = instance;
                if (c == null) {
                    c = new CrsCache(defaultFile());
                    instance = c;
                }
            }
        }
        return c;
    }

    /** Uses {@code file} ({@code null}: none) from now on (tests: a run as on a new machine, or a later run). */
    public static void use(Path file) {
        synchronized (CrsCache.class) {
            instance = new CrsCache(file);
        }
    }

    /** True when no answer is remembered (a first run, or the cache is off). */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The answer remembered for {@code key} of {@code kind}, or {@code null}. */
    public static String find(String kind, String key) {
        return get().entries.get(kind + '\t' + key);
    }

    /**
     * Remembers {@code value} (one line) and writes the file at once: this happens only when the database was used,
     * so the write is small beside it.
     */
    public static void put(String kind, String key, String value) {
        get().store(kind, key, value);
    }

    private void store(String kind, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || key.indexOf('\t') >= 0) {
            return;
        }
        if (file == null) {
            return;
        }
        if (!value.equals(entries.put(kind + '\t' + key, value))) {
            save();
        }
    }

    private synchronized void save() {
        try {
            Map<String, String> all = new TreeMap<>(read(file, fingerprint));
            all.putAll(entries);
            if (all.size() > MAX_ENTRIES) {
                return; // a cache only: past this size nothing more is remembered
            }
            StringBuilder sb = new StringBuilder("# ").append(fingerprint).append('\n');
            all.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            org.ldn.geodata.files.TextFiles.replace(file, sb);
        } catch (IOException | RuntimeException e) {
            // a cache only: the next run asks the database again
        }
    }

    private static Map<String, String> read(Path file, String fingerprint) {
        Map<String, String> out = new TreeMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("# " + fingerprint)) {
                return out; // written by other SIS or EPSG-data jars
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 3);
                if (f.length == 3 && !f[0].isEmpty() && !f[1].isEmpty()) {
                    out.put(f[0] + '\t' + f[1], f[2]);
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** The engine's cache folder: {@code $XDG_CACHE_HOME/ldn} or {@code ~/.cache/ldn}, or {@code null}. */
    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ldn");
        }
        if (home != null && !home.isBlank()) {
            return Path.of(home, ".cache", "ldn");
        }
        return null;
    }

    private static Path defaultFile() {
        String prop = System.getProperty(FILE_PROPERTY);
        if ("off".equals(prop)) {
            return null;
        }
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path folder = cacheFolder();
        if (folder != null) {
            return folder.resolve("crs.tsv");
        }
        return null;
    }

    /** The format and the jars whose answers are kept: SIS's referencing, its EPSG data, this adapter. */
    private static String fingerprint() {
        StringBuilder sb = new StringBuilder(FORMAT);
        for (String c : new String[] {"org.apache.sis.referencing.CRS",
            "org.apache.sis.resources.embedded.EmbeddedResources", "org.apache.sis.storage.geotiff.GeoTiffStore",
            CrsCache.class.getName()}) {
            sb.append(' ').append(jarOf(c));
        }
        return sb.toString();
    }

    private static String jarOf(String className) {
        try {
            var src = Class.forName(className, false, CrsCache.class.getClassLoader()).getProtectionDomain()
                    .getCodeSource();
            Path p = Path.of(src.getLocation().toURI());
            if (Files.isDirectory(p)) {
                // classes of a build tree: their own date
                Path own = p.resolve(className.replace('.', '/') + ".class");
                long date = Files.isRegularFile(own) ? Files.getLastModifiedTime(own).toMillis() : 0;
                return p.getFileName() + ":" + date;
            }
            return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (ReflectiveOperationException | IOException | RuntimeException | java.net.URISyntaxException
                | LinkageError e) {
            return "-";
        }
    }

    /** SHA-256 of {@code text} in hexadecimal: the key of a long text. */
    public static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
