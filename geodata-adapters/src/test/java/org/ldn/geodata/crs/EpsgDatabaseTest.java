package org.ldn.geodata.crs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uncompressed copy of SIS's EPSG database: the same entries and bytes, and the same data through Derby. */
class EpsgDatabaseTest {
    private static final String PREFIX = "SIS-DATA/Databases/SpatialMetadata/";

    private static Path embeddedJar() throws Exception {
        URL url = EpsgDatabaseTest.class.getClassLoader().getResource(PREFIX + "service.properties");
        assertTrue(url != null && "jar".equals(url.getProtocol()), "sis-embedded-data is on the test class path");
        return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    }

    @Test
    void theCopyHoldsEveryEntryOfTheDatabaseStoredWithTheSameBytes(@TempDir Path dir) throws Exception {
        Path jar = embeddedJar();
        Path archive = dir.resolve("sub").resolve("epsg.zip");
        EpsgDatabase.copyUncompressed(jar, archive);
        int entries = 0;
        try (JarFile in = new JarFile(jar.toFile()); ZipFile out = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.getName().startsWith(PREFIX)) {
                    continue;
                }
                ZipEntry copy = out.getEntry("SpatialMetadata/" + entry.getName().substring(PREFIX.length()));
                assertTrue(copy != null, entry.getName());
                assertEquals(ZipEntry.STORED, copy.getMethod(), copy.getName());
                if (!entry.isDirectory()) {
                    assertArrayEquals(in.getInputStream(entry).readAllBytes(), out.getInputStream(copy).readAllBytes(),
                            copy.getName());
                }
                entries++;
            }
            assertEquals(entries, out.size(), "nothing but the database");
        }
        assertTrue(entries > 100, "the database has its pages: " + entries);
        try (var list = Files.list(archive.getParent())) {
            assertEquals(List.of(archive), list.toList(), "no temporary file left beside the copy");
        }
    }

    @Test
    void oneCopyPerVersionWhateverTheJarsDateAndTheOthersAreRemoved(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("sis-embedded-data-9.9.jar");
        Files.write(jar, new byte[1234]);
        String name = EpsgDatabase.archiveName(jar);
        assertEquals("epsg-sis-embedded-data-9.9-1234.zip", name);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0)); // a new build's copy
        assertEquals(name, EpsgDatabase.archiveName(jar));
        Path cache = Files.createDirectory(dir.resolve("cache"));
        for (String f : List.of("epsg-4811410-1796278244055.zip", "epsg-sis-embedded-data-1.4-4811410.zip", name,
                "crs.tsv")) {
            Files.writeString(cache.resolve(f), f);
        }
        EpsgDatabase.removeOthers(cache, cache.resolve(name));
        try (var list = Files.list(cache)) {
            assertEquals(List.of("crs.tsv", name), list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void derbyReadsTheSameTablesAndRowsFromTheCopyAsFromTheJar(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("epsg.zip");
        EpsgDatabase.copyUncompressed(embeddedJar(), archive);
        TreeMap<String, Long> fromJar = rowCounts("jdbc:derby:classpath:SIS-DATA/Databases/SpatialMetadata");
        TreeMap<String, Long> fromCopy = rowCounts("jdbc:derby:jar:(" + archive.toAbsolutePath() + ")SpatialMetadata");
        assertFalse(fromJar.isEmpty());
        assertTrue(fromJar.keySet().stream().anyMatch(t -> t.startsWith("EPSG.")), fromJar.keySet().toString());
        assertEquals(fromJar, fromCopy);
    }

    /** Rows of every table of the database's own schemas, keyed by schema.table. */
    private static TreeMap<String, Long> rowCounts(String url) throws Exception {
        System.setProperty("derby.stream.error.file", "/dev/null");
        TreeMap<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
                }
            }
            try (Statement st = c.createStatement()) {
                for (String[] t : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t[0] + "\".\"" + t[1] + "\"")) {
                        rs.next();
                        out.put(t[0] + "." + t[1], rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }
}
