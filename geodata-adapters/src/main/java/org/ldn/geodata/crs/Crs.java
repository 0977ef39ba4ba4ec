package org.ldn.geodata.crs;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.opengis.metadata.Identifier;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;

/**
 * Coordinate reference systems through Apache SIS: parsing, EPSG identification, the {@link CrsInfo} that core
 * sees, and transforms. Every CRS handed out has east/north axis order (longitude first for geographic CRSs), as
 * GeoTIFF and GIS files store coordinates. Thread-safe.
 */
public final class Crs {
    private static final Map<String, CoordinateReferenceSystem> BY_WKT = new ConcurrentHashMap<>();
    private static final Map<String, java.util.Optional<Integer>> EPSG_BY_WKT = new ConcurrentHashMap<>();

    private Crs() {
    }

    /**
     * Starts the CRS database (Apache SIS's EPSG factory, its embedded database and the coordinate-operation finder)
     * on a daemon thread, so that it is ready, or nearly, when the first input is opened: a command calls this first
     * and then reads its run file meanwhile. Idempotent; failures are left for the real use to report.
     */
    public static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    CoordinateReferenceSystem wgs84 = fromEpsg(4326);
                    CoordinateReferenceSystem utm = fromEpsg(32633);
                    epsgCode(utm);
                    CRS.findOperation(utm, wgs84, null).getMathTransform();
                } catch (RuntimeException | FactoryException e) {
                    // the run reports any real problem when it needs the CRS
                }
            }, "ldn-crs-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** The CRS with east/north (x = longitude or easting) axis order. */
    public static CoordinateReferenceSystem eastNorth(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.DISPLAY_ORIENTED);
    }

    /** EPSG code, with east/north axis order. */
    public static CoordinateReferenceSystem fromEpsg(int code) {
        try {
            return eastNorth(CRS.forCode("EPSG:" + code));
        } catch (FactoryException e) {
            throw new InputException("unknown CRS EPSG:" + code + ": " + e.getMessage(), e);
        }
    }

    /** Parses WKT 1 (including ESRI .prj) or WKT 2; {@code source} names the file for messages. */
    public static CoordinateReferenceSystem fromWkt(String wkt, String source) {
        try {
            return eastNorth(CRS.fromWKT(wkt));
        } catch (FactoryException | RuntimeException e) {
            throw new InputException(source + ": cannot parse the coordinate reference system: " + e.getMessage(), e);
        }
    }

    /** The SIS CRS behind a {@link CrsInfo} made by {@link #describe}. */
    public static CoordinateReferenceSystem of(CrsInfo info) {
        return BY_WKT.computeIfAbsent(info.wkt(), w -> info.epsg() != null ? fromEpsg(info.epsg()) : fromWkt(w, info.name()));
    }

    /** Describes {@code crs} for core: name, WKT 2, EPSG code when one matches, geographic, equal-area. */
    public static CrsInfo describe(CoordinateReferenceSystem crs) {
        CoordinateReferenceSystem en = eastNorth(crs);
        String wkt = toWkt(en);
        // the EPSG search is a database query: once per CRS (the inputs of a run usually share one or two)
        Integer epsg = EPSG_BY_WKT.computeIfAbsent(wkt, w -> java.util.Optional.ofNullable(epsgCode(en))).orElse(null);
        BY_WKT.putIfAbsent(wkt, en);
        boolean geographic = en instanceof GeographicCRS;
        boolean equalArea = !geographic && en instanceof ProjectedCRS p && isEqualAreaMethod(
                p.getConversionFromBase().getMethod().getName().getCode());
        return new CrsInfo(en.getName().getCode(), wkt, epsg, geographic, equalArea);
    }

    /** The EPSG code of {@code crs} ignoring axis order, or {@code null}. */
    public static Integer epsgCode(CoordinateReferenceSystem crs) {
        try {
            var finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            IdentifiedObject found = finder.findSingleton(crs);
            if (found == null) {
                return null;
            }
            Identifier id = IdentifiedObjects.getIdentifier(found, Citations.EPSG);
            return id == null ? null : Integer.valueOf(id.getCode());
        } catch (FactoryException | NumberFormatException e) {
            return null;
        }
    }

    public static String toWkt(CoordinateReferenceSystem crs) {
        WKTFormat f = new WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
        f.setConvention(Convention.WKT2);
        f.setIndentation(WKTFormat.SINGLE_LINE);
        return f.format(crs);
    }

    /**
     * The transform from {@code source} to {@code target} coordinates (both east/north).
     *
     * @throws InputException (without a file name) when there is none
     */
    public static MathTransform transform(CoordinateReferenceSystem source, CoordinateReferenceSystem target) {
        try {
            return CRS.findOperation(source, target, null).getMathTransform();
        } catch (FactoryException | RuntimeException e) {
            // SIS also throws unchecked exceptions, e.g. for a dynamic datum without a coordinate epoch
            throw new InputException("no coordinate operation from " + source.getName().getCode() + " to "
                    + target.getName().getCode() + ": " + e.getMessage(), e);
        }
    }

    /** True when both describe the same coordinates (the transform between them is the identity). */
    public static boolean equivalent(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        try {
            return CRS.findOperation(a, b, null).getMathTransform().isIdentity();
        } catch (FactoryException | RuntimeException e) {
            return false; // no operation at all: not equivalent (transform() then says why)
        }
    }

    static boolean isEqualAreaMethod(String method) {
        String m = method.toLowerCase(Locale.ROOT).replace('_', ' ');
        return m.contains("equal area") || m.contains("equal-area") || m.contains("mollweide")
                || m.contains("sinusoidal") || m.contains("equal earth") || m.contains("eckert iv")
                || m.contains("eckert vi") || m.contains("homolosine");
    }
}
