package org.ldn.geodata.crs;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.sis.setup.Configuration;

/**
 * Where Apache SIS finds its EPSG database. SIS opens the database embedded in its {@code sis-embedded-data} jar
 * through Derby, which reads it as compressed jar entries: every page Derby asks for is inflated again from the
 * start of its file, and the first CRS looked up in the database costs about two CPU seconds. The first time a
 * given jar is used, this class copies the database once into an uncompressed archive of the user's cache folder
 * ({@code ~/.cache/ldn/epsg-<jar name>-<jar size>.zip}, 25 MB; older copies there are removed), which Derby then
 * opens read-only with its {@code jar:} subprotocol: pages are read in place, the first look-up costs about a CPU
 * second less, and any number of processes may read the archive at once (a read-only database takes no lock). The
 * data are the same bytes.
 *
 * <p>The system property {@value #PROPERTY} set to {@code off} keeps SIS's own way; a folder there replaces the
 * cache folder. Any failure (no embedded data on the class path, a folder that cannot be written, SIS already
 * started) leaves SIS's own way in place: this is a speed-up, never an error.
 */
public final class EpsgDatabase {
    /** System property: {@code off}, or the folder of the uncompressed archive. */
    public static final String PROPERTY = "ldn.epsgCache";
    private static final String PREFIX = "SIS-DATA/Databases/";
    private static final String DATABASE = "SpatialMetadata";
    private static boolean installed;

    private EpsgDatabase() {
    }

    /**
     * Points SIS at the uncompressed copy of its EPSG database, made first if needed. Call before SIS's first use;
     * idempotent; returns the archive used, or {@code null} when SIS keeps its own way.
     */
    public static synchronized Path install() {
        if (installed) {
            return null;
        }
        installed = true;
        String prop = System.getProperty(PROPERTY);
        if ("off".equals(prop)) {
            return null;
        }
        try {
            URL url = EpsgDatabase.class.getClassLoader().getResource(PREFIX + DATABASE + "/service.properties");
            if (url == null || !"jar".equals(url.getProtocol())) {
                return null;
            }
            Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            Path folder = prop != null && !prop.isBlank() ? Path.of(prop) : CrsCache.cacheFolder();
            if (folder == null) {
                return null;
            }
            Path archive = folder.resolve(archiveName(jar));
            if (!Files.isRegularFile(archive)) {
                copyUncompressed(jar, archive);
                removeOthers(folder, archive);
            }
            String name = "jar:(" + archive.toAbsolutePath() + ")" + DATABASE;
            Configuration.current().setDatabase(() -> checked(name));
            return archive;
        } catch (IOException | RuntimeException | java.net.URISyntaxException | LinkageError e) {
            return null; // SIS opens the database from its jar, as without this class
        }
    }

    /**
     * The copy's file name: the jar's name and size, not its date (a build copies the jar anew, and one copy serves
     * every build of the same version).
     */
    static String archiveName(Path jar) throws IOException {
        String name = jar.getFileName().toString().replaceAll("\\.jar$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return "epsg-" + name + "-" + Files.size(jar) + ".zip";
    }

    /**
     * Deletes the other copies in the folder (of other versions, or named the older way), where it can: a process
     * still reading one keeps it open until it ends, and a copy that cannot be deleted is left.
     */
    static void removeOthers(Path folder, Path keep) {
        try (var list = Files.newDirectoryStream(folder, "epsg-*.zip")) {
            for (Path p : list) {
                if (!p.getFileName().equals(keep.getFileName())) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // in use where open files cannot be deleted: left for a later run
                    }
                }
            }
        } catch (IOException e) {
            // nothing removed
        }
    }

    /**
     * The data source of the copy when a connection to it opens (Derby then keeps the database started), else the
     * one SIS would use by itself: a damaged copy must not cost the run its CRS database.
     */
    private static DataSource checked(String name) {
        DataSource ds = dataSource(name);
        try {
            ds.getConnection().close();
            return ds;
        } catch (java.sql.SQLException | RuntimeException e) {
            return dataSource("classpath:" + PREFIX + DATABASE);
        }
    }

    /** Derby's embedded data source for {@code name}, made by reflection: Derby is a run-time dependency only. */
    private static DataSource dataSource(String name) {
        try {
            Class<?> c = Class.forName("org.apache.derby.jdbc.EmbeddedDataSource");
            Object ds = c.getConstructor().newInstance();
            c.getMethod("setDatabaseName", String.class).invoke(ds, name);
            return (DataSource) ds;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Derby's EmbeddedDataSource is missing", e);
        }
    }

    /**
     * Copies the database's entries of {@code jar} into a new archive {@code archive} with every entry stored (not
     * compressed), under the folder name {@value #DATABASE}; written beside it and moved into place atomically.
     */
    static void copyUncompressed(Path jar, Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        Path tmp = Files.createTempFile(archive.getParent(), "." + archive.getFileName(), ".tmp");
        try {
            try (JarFile in = new JarFile(jar.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                List<ZipEntry> entries = new ArrayList<>();
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                    ZipEntry entry = e.nextElement();
                    if (entry.getName().startsWith(PREFIX + DATABASE + "/")) {
                        entries.add(entry);
                    }
                }
                if (entries.isEmpty()) {
                    throw new IOException("no EPSG database in " + jar);
                }
                for (ZipEntry entry : entries) {
                    byte[] bytes;
                    try (InputStream is = in.getInputStream(entry)) {
                        bytes = is.readAllBytes();
                    }
                    ZipEntry copy = new ZipEntry(entry.getName().substring(PREFIX.length()));
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setCrc(crc.getValue());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
