package org.ldn.geodata.crs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * The answers of the EPSG database kept between runs: written when the database was asked, used as they are by a
 * later run (seen by planting a different answer), never for an operation the database finds differently (a datum
 * shift), and ignored when written by other library jars or malformed.
 */
class CrsCacheTest {
    @TempDir
    Path tmp;

    @AfterEach
    void back() {
        CrsCache.use(null);
    }

    @Test
    void anEpsgCrsIsRememberedAndTakenFromTheFileAfterwards() throws Exception {
        Path file = tmp.resolve("ldn").resolve("crs.tsv");
        CrsCache.use(file);
        CoordinateReferenceSystem wgs84 = Crs.fromEpsg(4326);
        String wkt = Crs.toWkt(wgs84);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("# ldn-crs-1 "), lines.get(0));
        assertTrue(lines.contains("epsg\t4326\t" + wkt), lines.toString());

        // a later run reads the file: the CRS is the one the file describes (planted: ETRS89's, for EPSG:4326)
        String etrs89 = Crs.toWkt(Crs.fromEpsg(4258));
        Files.writeString(file, lines.get(0) + "\nepsg\t4326\t" + etrs89 + "\n");
        CrsCache.use(file);
        assertEquals(etrs89, Crs.toWkt(Crs.fromEpsg(4326)));

        // written by other jars (another fingerprint): ignored, the database answers again
        Files.writeString(file, "# ldn-crs-1 other-jars\nepsg\t4326\t" + etrs89 + "\n");
        CrsCache.use(file);
        assertTrue(CrsCache.get().isEmpty());
        assertEquals(wkt, Crs.toWkt(Crs.fromEpsg(4326)));
    }

    /** The bundled example's land-cover CRS: Lambert cylindrical equal-area on WGS 84 with an unnamed datum. */
    private static final String LCEA = "PROJCS[\"Unnamed\", GEOGCS[\"WGS 84\", DATUM[\"unknown\", SPHEROID[\"WGS84\","
            + " 6378137, 298.257223563]], PRIMEM[\"Greenwich\", 0], UNIT[\"degree\", 0.0174532925199433]],"
            + " PROJECTION[\"Cylindrical_Equal_Area\"], PARAMETER[\"standard_parallel_1\", 5.5],"
            + " PARAMETER[\"central_meridian\", 140.8], PARAMETER[\"false_easting\", 0],"
            + " PARAMETER[\"false_northing\", 0], UNIT[\"metre\", 1]]";

    @Test
    void operationsAreTakenWithoutTheDatabaseOnlyWhereTheDatabaseGivesTheSame() throws Exception {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        String lceaWkt = Crs.toWkt(Crs.fromWkt(LCEA, "test"));
        CoordinateReferenceSystem wgs84 = Crs.fromEpsg(4326);
        CoordinateReferenceSystem lcea = Crs.of(Crs.known(lceaWkt, null, () -> Crs.fromWkt(LCEA, "test")));
        CoordinateReferenceSystem nad27 = Crs.fromEpsg(4267);
        MathTransform toLcea = Crs.transform(wgs84, lcea);
        MathTransform fromNad27 = Crs.transform(nad27, wgs84);
        // WGS 84 to a projection on its ellipsoid: the same without the database; NAD27 to WGS 84: the database has
        // a datum shift (tens of metres) that the two definitions alone do not give
        assertEquals("local", CrsCache.find("operation", CrsCache.key(Crs.toWkt(wgs84) + "\n" + lceaWkt)));
        assertNull(CrsCache.find("operation", CrsCache.key(Crs.toWkt(nad27) + "\n" + Crs.toWkt(wgs84))));
        double[] p = {-100, 40};
        fromNad27.transform(p, 0, p, 0, 1);
        assertNotEquals(-100, p[0], 1e-5, "NAD27 to WGS 84 moves points by tens of metres");

        // a later run: the same transforms, point for point to the bit
        CrsCache.use(file);
        MathTransform toLcea2 = Crs.transform(Crs.fromEpsg(4326), lcea);
        MathTransform fromNad27b = Crs.transform(Crs.fromEpsg(4267), Crs.fromEpsg(4326));
        assertEquals(toLcea, toLcea2);
        assertEquals(fromNad27, fromNad27b);
        java.util.SplittableRandom random = new java.util.SplittableRandom(15);
        for (int i = 0; i < 1000; i++) {
            double[] a = {random.nextDouble(130, 151), random.nextDouble(-11, 1)};
            double[] b = a.clone();
            toLcea.transform(a, 0, a, 0, 1);
            toLcea2.transform(b, 0, b, 0, 1);
            assertArrayEquals(a, b, 0);
            double[] c = {random.nextDouble(-120, -70), random.nextDouble(25, 50)};
            double[] d = c.clone();
            fromNad27.transform(c, 0, c, 0, 1);
            fromNad27b.transform(d, 0, d, 0, 1);
            assertArrayEquals(c, d, 0);
        }
    }

    @Test
    void malformedLinesAreSkippedAndNoFileMeansNothingKept() throws Exception {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        Crs.fromEpsg(4326);
        String head = Files.readAllLines(file).get(0);
        Files.writeString(file, head + "\nnonsense\n\t\t\nepsg\t4326\tnot WKT\n");
        CrsCache.use(file);
        assertNotNull(CrsCache.find("epsg", "4326"));
        // an entry that does not parse is not used: the database answers
        assertEquals("WGS 84", Crs.fromEpsg(4326).getName().getCode());

        CrsCache.use(null);
        Crs.fromEpsg(4326);
        assertTrue(CrsCache.get().isEmpty());
        assertFalse(Files.exists(tmp.resolve("none")));
    }
}
