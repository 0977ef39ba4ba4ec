package org.ldn.geodata.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.sis.referencing.operation.DefaultConversion;
import org.apache.sis.referencing.operation.DefaultOperationMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.CrsInfo;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.Conversion;
import org.opengis.referencing.operation.MathTransform;

/**
 * Projected CRSs of the EPSG database are remembered in the {@link CrsCache} although SIS's WKT parser drops the
 * version of their projection method's identifier, and a later run gets the same description, the same WKT and the
 * same transforms (to the bit) from the cache as from the database. A CRS whose WKT comes back otherwise different
 * is not remembered.
 */
class ProjectedCrsCacheTest {
    /**
     * UTM 34N and 33S, Antarctic and NSIDC north polar stereographic, EASE-Grid 2.0 and LAEA Europe (equal-area),
     * Lambert-93 (Lambert conic conformal, 2SP).
     */
    private static final int[] CODES = {32634, 32733, 3031, 3413, 6933, 3035, 2154};

    @TempDir
    Path tmp;

    @AfterEach
    void back() {
        CrsCache.use(null);
    }

    @ParameterizedTest
    @ValueSource(ints = {32634, 32733, 3031, 3413, 6933, 3035, 2154})
    void rememberedAndDescribedIdenticallyFromTheCache(int code) {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        CoordinateReferenceSystem database = Crs.fromEpsg(code);
        CrsInfo described = Crs.describe(database);
        String wkt = Crs.toWkt(database);
        assertEquals(wkt, described.wkt());
        assertEquals(Integer.valueOf(code), described.epsg());
        assertTrue(Crs.canRemember(database, described), "EPSG:" + code);
        assertEquals(wkt, CrsCache.find("epsg", Integer.toString(code)), "the database's own text is kept");

        CrsCache.use(file); // a later run
        CoordinateReferenceSystem cached = Crs.fromEpsg(code);
        assertNotSame(database, cached, "parsed from the cache (SIS hands out the database's object once made)");
        // the case this covers: SIS formats the parsed CRS without the method identifier's version
        assertNotEquals(wkt, Crs.format(cached));
        assertTrue(wkt.matches(".*METHOD\\[\"[^\"]+\", ID\\[\"EPSG\", \\d+, \"[^\"]+\"\\]\\].*"), wkt);
        assertEquals(wkt, Crs.toWkt(cached));
        assertEquals(described, Crs.describe(cached));
        assertEquals(described, Crs.describe(Crs.eastNorth(cached)));
        // as a GeoTIFF's remembered georeference describes it
        CrsInfo known = Crs.known(wkt, code, () -> database);
        assertEquals(described, known);
        assertEquals(wkt, Crs.toWkt(Crs.of(known)));
        assertEquals(described.equalArea(), code == 6933 || code == 3035);
    }

    @Test
    void transformsFromTheCacheAreTheDatabasesToTheBit() {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        int n = CODES.length;
        CoordinateReferenceSystem[] database = new CoordinateReferenceSystem[n];
        MathTransform[] toGeo = new MathTransform[n];
        MathTransform[] fromGeo = new MathTransform[n];
        CoordinateReferenceSystem wgs84 = Crs.fromEpsg(4326);
        for (int i = 0; i < n; i++) {
            database[i] = Crs.fromEpsg(CODES[i]);
            toGeo[i] = Crs.transform(database[i], wgs84);
            fromGeo[i] = Crs.transform(wgs84, database[i]);
        }
        CrsCache.use(file); // a later run
        CoordinateReferenceSystem wgs84b = Crs.fromEpsg(4326);
        SplittableRandom random = new SplittableRandom(32634);
        for (int i = 0; i < n; i++) {
            CoordinateReferenceSystem cached = Crs.fromEpsg(CODES[i]);
            assertNotSame(database[i], cached);
            String wkt = Crs.toWkt(cached);
            if (wkt.contains("\"World Geodetic System 1984 ensemble\"")) {
                // on WGS 84 itself: no datum shift, derived from the two definitions without the database
                assertEquals("local", CrsCache.find("operation", CrsCache.key(wkt + "\n" + Crs.toWkt(wgs84b))),
                        "EPSG:" + CODES[i]);
                assertEquals("local", CrsCache.find("operation", CrsCache.key(Crs.toWkt(wgs84b) + "\n" + wkt)));
            }
            MathTransform toGeo2 = Crs.transform(cached, wgs84b);
            MathTransform fromGeo2 = Crs.transform(wgs84b, cached);
            GeographicBoundingBox area = org.apache.sis.referencing.CRS.getGeographicBoundingBox(database[i]);
            assertNotNull(area);
            for (int k = 0; k < 300; k++) {
                double[] geo = {
                    random.nextDouble(area.getWestBoundLongitude(), area.getEastBoundLongitude()),
                    random.nextDouble(Math.max(area.getSouthBoundLatitude(), -89.9),
                            Math.min(area.getNorthBoundLatitude(), 89.9))};
                double[] a = transformed(fromGeo[i], geo);
                assertArraysIdentical(a, transformed(fromGeo2, geo), CODES[i], geo);
                assertArraysIdentical(transformed(toGeo[i], a), transformed(toGeo2, a), CODES[i], a);
            }
        }
    }

    private static double[] transformed(MathTransform mt, double[] p) {
        double[] out = new double[2];
        try {
            mt.transform(p, 0, out, 0, 1);
        } catch (org.opengis.referencing.operation.TransformException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static void assertArraysIdentical(double[] expected, double[] actual, int code, double[] from) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[j]),
                    () -> "EPSG:" + code + " at " + java.util.Arrays.toString(from));
        }
    }

    /** Only the version of a method's identifier may be lost; any other difference is not accepted. */
    @Test
    void onlyTheMethodIdentifiersVersionMayDiffer() {
        CrsCache.use(null);
        String wkt = Crs.toWkt(Crs.fromEpsg(32634));
        String method = "METHOD[\"Transverse Mercator\", ID[\"EPSG\", 9807, \"";
        int at = wkt.indexOf(method);
        assertTrue(at > 0, wkt);
        int end = wkt.indexOf("\"]]", at + method.length());
        String version = wkt.substring(at + method.length(), end);
        String parsedBack = wkt.replace(method + version + "\"]]",
                "METHOD[\"Transverse Mercator\", ID[\"EPSG\", 9807]]");
        assertNotEquals(wkt, parsedBack);
        assertTrue(Crs.sameButMethodIds(wkt, parsedBack));
        assertTrue(Crs.sameButMethodIds(wkt, wkt));
        // the CRS's own identifier keeps its version
        String crsId = "ID[\"EPSG\", 32634, \"" + version + "\", URI[\"urn:ogc:def:crs:EPSG:" + version + ":32634\"]]";
        assertTrue(parsedBack.contains(crsId), parsedBack);
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace(crsId, "ID[\"EPSG\", 32634]")));
        // another method name, code or authority, or any other element changed as well
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("METHOD[\"Transverse Mercator\"",
                "METHOD[\"Transverse Mercator (South Orientated)\"")));
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("ID[\"EPSG\", 9807]", "ID[\"EPSG\", 9808]")));
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("ID[\"EPSG\", 9807]", "ID[\"ESRI\", 9807]")));
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("ID[\"EPSG\", 9807]]", "]")));
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("0.9996", "0.9997")));
        assertFalse(Crs.sameButMethodIds(wkt, parsedBack.replace("UTM zone 34N\"", "UTM zone 34\"")));
        // a method identifier with more than a version (a URI) is not stripped
        String withUri = wkt.replace(method + version + "\"]]", method + version + "\", URI[\"urn:x\"]]]");
        assertFalse(Crs.sameButMethodIds(withUri, parsedBack));
    }

    /**
     * A CRS whose WKT comes back as text identical but for the method identifier's version, but as a different CRS
     * (its method named otherwise than SIS's, which the WKT does not show), is not remembered.
     */
    @Test
    void aCrsThatComesBackDifferentIsNotRemembered() {
        Path file = tmp.resolve("crs.tsv");
        CrsCache.use(file);
        ProjectedCRS utm = (ProjectedCRS) Crs.fromEpsg(32634);
        Conversion conversion = utm.getConversionFromBase();
        Map<String, Object> named = new HashMap<>();
        named.put(IdentifiedObject.NAME_KEY, "Transverse_Mercator");
        named.put(IdentifiedObject.IDENTIFIERS_KEY, conversion.getMethod().getIdentifiers().iterator().next());
        Conversion renamed = new DefaultConversion(Map.of(IdentifiedObject.NAME_KEY, conversion.getName().getCode()),
                new DefaultOperationMethod(named, conversion.getMethod().getParameters()),
                ((DefaultConversion) conversion).getMathTransform(), conversion.getParameterValues());
        ProjectedCRS other = new org.apache.sis.referencing.crs.DefaultProjectedCRS(
                Map.of(IdentifiedObject.NAME_KEY, "Other UTM zone 34N"), utm.getBaseCRS(), renamed,
                utm.getCoordinateSystem());
        String wkt = Crs.format(other);
        assertTrue(wkt.contains("METHOD[\"Transverse Mercator\", ID[\"EPSG\", 9807, \""), wkt);
        CrsInfo described = Crs.describe(other);
        assertFalse(Crs.canRemember(other, described));
        // the UTM zone itself is remembered
        assertTrue(Crs.canRemember(utm, Crs.describe(utm)));
    }
}
