package org.ldn.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestDataTest {
    @Test
    void everyListedFileIsCopiedByteForByte() throws IOException {
        List<String> names = TestData.names();
        assertTrue(names.contains(TestData.LAND_COVER_2001));
        for (String name : names) {
            Path p = TestData.file(name);
            assertEquals(name, p.getFileName().toString());
            try (InputStream in = TestData.class.getResourceAsStream("/org/ldn/testdata/" + name)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(p), name);
            }
        }
        assertEquals(TestData.file(TestData.WORLD), TestData.file(TestData.WORLD), "copied once");
    }

    @Test
    void theListMatchesTheDirectory() throws IOException, URISyntaxException {
        URL url = TestData.class.getResource("/org/ldn/testdata/files.txt");
        assumeTrue(url != null && "file".equals(url.getProtocol()), "resources are not a directory");
        Set<String> present;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
            present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("files.txt") && !n.endsWith(".class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, new TreeSet<>(TestData.names()));
        long bytes = 0;
        for (String n : present) {
            bytes += Files.size(Path.of(url.toURI()).getParent().resolve(n));
        }
        assertTrue(bytes < 5_000_000, "test data should stay under 5 MB: " + bytes);
    }

    @Test
    void everyConstantNamesABundledFile() {
        List<String> names = TestData.names();
        for (String c : List.of(TestData.LAND_COVER_2001, TestData.LAND_COVER_2015, TestData.LAND_COVER_LEGEND,
                TestData.SOC_1990, TestData.SOC_2010, TestData.CLIMATE_ZONES, TestData.PROVINCES,
                TestData.ECOREGIONS, TestData.WORLD, TestData.CHINA_LAI, TestData.ALASKA_NDVI)) {
            assertTrue(names.contains(c), c);
        }
    }

    @Test
    void sidecarsShareTheStem() {
        List<String> all = List.of("x.shp", "x.dbf", "x.prj", "x.shx", "xy.shp", "a.tif", "a.tif.aux.xml", "b.tif");
        assertEquals(List.of("x.shp", "x.dbf", "x.prj", "x.shx"), TestData.withSidecars("x.shp", all));
        assertEquals(List.of("a.tif", "a.tif.aux.xml"), TestData.withSidecars("a.tif", all));
        assertEquals(List.of("b.tif"), TestData.withSidecars("b.tif", all));
    }

    @Test
    void unknownNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TestData.file("nothing.tif"));
    }

    @Test
    void legendIsTheSevenClassNesting() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file(TestData.LAND_COVER_LEGEND));
        assertEquals(List.of("code,name,unccd_class", "1,Agriculture,3", "2,Forest,1", "3,Grassland,2",
                "5,Settlement,5", "6,Shrubland,2", "7,Sparse vegetation,2", "9,Water,7"), lines);
    }
}
