package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ldn.core.InputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;

/**
 * Coverage-guided fuzzing of GeoPackage geometry blobs (Jazzer), through the same steps as a blob read from a
 * layer: decoding ({@link GeoPackageFeatures#geometry}), the zone checks ({@link ZoneFiles#checked},
 * {@link ZoneValidity}) and the rings
 * handed to the rasterizer. Every blob gives a checked geometry or one {@link InputException} line.
 */
class GeoPackageBlobFuzzTest {
    private final WKBReader wkb = new WKBReader(new GeometryFactory());

    @FuzzTest(maxDuration = "10s")
    void decodesOrFailsCleanly(byte[] blob) {
        try {
            Geometry g = GeoPackageFeatures.geometry(blob, wkb, "fuzz.gpkg", "feature fid=1");
            ZoneValidity.require("fuzz.gpkg", "feature fid=1", ZoneFiles.checked("fuzz.gpkg", "feature fid=1", g));
            Boundaries.rings(g);
        } catch (InputException e) {
            VectorFuzzing.assertOneLine(e);
            assertTrue(e.getMessage().startsWith("fuzz.gpkg: feature fid=1 "), e.getMessage());
        }
    }
}
