package org.ldn.geodata.vector;

import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes a GeoPackage geometry blob (GeoPackage 1.3 §2.1.3, "GeoPackageBinary"): the magic {@code "GP"}, a
 * version byte, a flags byte (bit 0 byte order of the header, bits 1–3 the envelope kind, bit 4 empty, bit 5
 * extended type), the SRS id, the optional envelope, then standard WKB. Hand-written because it is a dozen lines and
 * NGA's geopackage library would bring ormlite and a logging binding with it.
 */
final class GeoPackageGeometry {
    /** Bytes of envelope for envelope kinds 0 (none), 1 (xy), 2 (xyz), 3 (xym), 4 (xyzm). */
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GeoPackageGeometry() {
    }

    /** The geometry, an empty one when the blob is flagged empty; {@code blob} must not be null. */
    static Geometry decode(byte[] blob, WKBReader wkb) throws ParseException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new ParseException("not a GeoPackage geometry blob (no 'GP' magic)");
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            throw new ParseException("extended (non-standard) GeoPackage geometry type");
        }
        int envelope = (flags >> 1) & 7;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw new ParseException("invalid envelope indicator " + envelope);
        }
        int start = 8 + ENVELOPE_BYTES[envelope];
        if (start >= blob.length) {
            throw new ParseException("geometry blob of " + blob.length + " bytes has no WKB");
        }
        Geometry g = wkb.read(Arrays.copyOfRange(blob, start, blob.length));
        return (flags & 0x10) != 0 ? g.getFactory().createGeometryCollection() : g;
    }
}
