package org.ldn.geodata.crs;

import java.util.List;
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
    static {
        EpsgDatabase.install(); // before SIS's first use of its database
    }

    private static final Map<String, CoordinateReferenceSystem> BY_WKT = new ConcurrentHashMap<>();
    private static final Map<String, java.util.Optional<Integer>> EPSG_BY_WKT = new ConcurrentHashMap<>();

    private Crs() {
    }

    /**
     * Starts the CRS database (Apache SIS's EPSG factory, its embedded database and the coordinate-operation finder)
     * on a daemon thread, so that it is ready, or nearly, when the first input is opened: a command calls this first
     * and then reads its run file meanwhile. Idempotent; failures are left for the real use to report. Nothing is
     * started when the {@link CrsCache} holds answers from earlier runs: the inputs seen before then need no
     * database, and a run on new ones starts it when it needs it.
     */
    public static void warmUpInBackground() {
        if (!CrsCache.get().isEmpty()) {
            return;
        }
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

    /** EPSG code, with east/north axis order (from the {@link CrsCache} when an earlier run found it). */
    public static CoordinateReferenceSystem fromEpsg(int code) {
        String known = CrsCache.find("epsg", Integer.toString(code));
        if (known != null) {
            CoordinateReferenceSystem c = parse(known);
            if (c != null) {
                rememberOriginal(c, () -> fromDatabase(code));
                return c;
            }
        }
        CoordinateReferenceSystem crs = fromDatabase(code);
        String wkt = roundTrip(crs);
        if (wkt != null) {
            CrsCache.put("epsg", Integer.toString(code), wkt);
        }
        return crs;
    }

    private static CoordinateReferenceSystem fromDatabase(int code) {
        try {
            return eastNorth(CRS.forCode("EPSG:" + code));
        } catch (FactoryException e) {
            throw new InputException("unknown CRS EPSG:" + code + ": " + e.getMessage(), e);
        }
    }

    /**
     * The description of the CRS an earlier run described as {@code wkt} with EPSG code {@code epsg} (null: none),
     * made without the EPSG database; {@code null} when the text does not parse back. {@code original} makes the
     * CRS as it was made then (through the database): a transform that needs the database is found from it, so
     * that it is the one found without the cache.
     */
    public static CrsInfo known(String wkt, Integer epsg,
            java.util.function.Supplier<CoordinateReferenceSystem> original) {
        CoordinateReferenceSystem c = parse(wkt);
        if (c == null) {
            return null;
        }
        rememberOriginal(c, original);
        BY_WKT.putIfAbsent(wkt, c);
        EPSG_BY_WKT.putIfAbsent(wkt, java.util.Optional.ofNullable(epsg));
        return info(c, wkt, epsg);
    }

    /**
     * True when {@code described}, made by {@link #describe} from {@code crs}, comes back identical from its WKT
     * through {@link #known} (same CRS ignoring metadata, same WKT but for what {@link #sameButMethodIds} allows,
     * same description with the same WKT), so that a later run may take it from the {@link CrsCache}.
     */
    public static boolean canRemember(CoordinateReferenceSystem crs, CrsInfo described) {
        String wkt = roundTrip(eastNorth(crs));
        if (wkt == null || !wkt.equals(described.wkt())) {
            return false;
        }
        CoordinateReferenceSystem c = parse(wkt);
        return c != null && info(c, wkt, described.epsg()).equals(described);
    }

    private static CrsInfo info(CoordinateReferenceSystem en, String wkt, Integer epsg) {
        boolean geographic = en instanceof GeographicCRS;
        boolean equalArea = !geographic && en instanceof ProjectedCRS p && isEqualAreaMethod(
                p.getConversionFromBase().getMethod().getName().getCode());
        return new CrsInfo(en.getName().getCode(), wkt, epsg, geographic, equalArea);
    }

    /**
     * The WKT of {@code crs} when it parses back (without the database) into a CRS equal to it ignoring metadata and
     * formatted identically, or differently only where the parser cannot carry the text ({@link #sameButMethodIds});
     * {@code null} otherwise. The CRS parsed from it is handed out with this text ({@link #toWkt}).
     */
    private static String roundTrip(CoordinateReferenceSystem crs) {
        try {
            String wkt = format(crs);
            CoordinateReferenceSystem back = parse(wkt);
            // COMPATIBILITY: WKT does not carry the epochs of an ensemble's dynamic members (WGS 84's)
            if (back instanceof org.apache.sis.util.LenientComparable l
                    && l.equals(crs, org.apache.sis.util.ComparisonMode.COMPATIBILITY)
                    && sameButMethodIds(wkt, format(back))) {
                WKT_OF.putIfAbsent(crs, wkt);
                return wkt;
            }
        } catch (RuntimeException e) {
            // not remembered
        }
        return null;
    }

    /** A text in WKT: quotes inside are doubled. */
    private static final String TEXT = "\"(?:[^\"]|\"\")*\"";
    /**
     * An operation method with one identifier, which has a version and nothing more: {@code METHOD["name",
     * ID["authority", code, "version"]]}. Group 1 is all but the version and the closing brackets.
     */
    private static final java.util.regex.Pattern METHOD_ID_VERSION = java.util.regex.Pattern.compile(
            "(METHOD\\[" + TEXT + ", ID\\[" + TEXT + ", (?:\\d+|" + TEXT + ")), (?:" + TEXT
                    + "|\\d+(?:\\.\\d+)?)\\]\\]");

    /**
     * True when {@code again}, the WKT of the CRS parsed from {@code wkt}, is {@code wkt}, or is {@code wkt} without
     * the versions of its operation methods' identifiers and nothing else: SIS's WKT parser takes a projection
     * method from its own definitions, which carry no EPSG dataset version ({@code METHOD["Transverse Mercator",
     * ID["EPSG", 9807, "12.047"]]} comes back as {@code ID["EPSG", 9807]}). The method's name, authority and code,
     * and every other element, must be the same text.
     */
    static boolean sameButMethodIds(String wkt, String again) { // package-private for tests
        return again.equals(wkt) || again.equals(METHOD_ID_VERSION.matcher(wkt).replaceAll("$1]]"));
    }

    /** CRSs parsed from remembered WKT, by their WKT (the same object for the same text). */
    private static final Map<String, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();
    /**
     * How to make a CRS parsed from the cache as it was made without it, by identity: the first way it was seen
     * with (read that file again, or look up that code), then the latest others. One parsed CRS stands for every file
     * with the same text, and a file may be gone by the time a transform needs the original (a long-lived process:
     * batches, the Java API, a test run), so the next way is tried.
     */
    private static final Map<CoordinateReferenceSystem, List<java.util.function.Supplier<CoordinateReferenceSystem>>>
            ORIGINAL = new java.util.IdentityHashMap<>();
    /** Ways kept per parsed CRS: the first and the latest others. */
    private static final int ORIGINAL_WAYS = 8;
    /** The WKT of the CRSs handed out, by identity. */
    private static final Map<CoordinateReferenceSystem, String> WKT_OF =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * Parses WKT written by {@link #toWkt} with SIS's WKT parser alone: {@link CRS#fromWKT} would check an
     * identified CRS against the EPSG database, the very start this avoids. {@code null} when it does not parse.
     */
    private static CoordinateReferenceSystem parse(String wkt) {
        CoordinateReferenceSystem c = PARSED.get(wkt);
        if (c != null) {
            return c;
        }
        try {
            WKTFormat f = new WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
            if (!(f.parseObject(wkt) instanceof CoordinateReferenceSystem parsed) || f.getWarnings() != null) {
                return null;
            }
            c = PARSED.computeIfAbsent(wkt, w -> parsed);
            WKT_OF.putIfAbsent(c, wkt);
            return c;
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
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
        // the EPSG search is a database query: once per CRS (the inputs of a run usually share one or two), on the
        // CRS as made without the cache
        Integer epsg = EPSG_BY_WKT.computeIfAbsent(wkt, w -> java.util.Optional.ofNullable(epsgCode(original(en))))
                .orElse(null);
        BY_WKT.putIfAbsent(wkt, en);
        WKT_OF.putIfAbsent(en, wkt);
        return info(en, wkt, epsg);
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

    /**
     * The WKT 2 of {@code crs} on one line: the text it was parsed from when it came from the {@link CrsCache}
     * (which SIS may format slightly differently, see {@link #sameButMethodIds}), so that a CRS is described by the
     * same text with or without the cache.
     */
    public static String toWkt(CoordinateReferenceSystem crs) {
        String known = WKT_OF.get(crs);
        return known != null ? known : format(crs);
    }

    /** SIS's WKT 2 of {@code crs} on one line (package-private for tests). */
    static String format(CoordinateReferenceSystem crs) {
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
            return operation(source, target);
        } catch (FactoryException | RuntimeException e) {
            // SIS also throws unchecked exceptions, e.g. for a dynamic datum without a coordinate epoch
            throw new InputException("no coordinate operation from " + source.getName().getCode() + " to "
                    + target.getName().getCode() + ": " + e.getMessage(), e);
        }
    }

    /** True when both describe the same coordinates (the transform between them is the identity). */
    public static boolean equivalent(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        try {
            return operation(a, b).isIdentity();
        } catch (FactoryException | RuntimeException e) {
            return false; // no operation at all: not equivalent (transform() then says why)
        }
    }

    /**
     * SIS's transform from {@code source} to {@code target}. SIS first looks in the EPSG database for an operation
     * between the two (a datum shift the database knows), then derives one from the two definitions. When an earlier
     * run found the database's operation equal to the one derived from the two CRSs' WKT alone (kept in the
     * {@link CrsCache}), that derivation is used, without the database.
     */
    private static MathTransform operation(CoordinateReferenceSystem source, CoordinateReferenceSystem target)
            throws FactoryException {
        String ws = wktOf(source);
        String wt = wktOf(target);
        String key = ws == null || wt == null ? null : CrsCache.key(ws + "\n" + wt);
        if (key != null && "local".equals(CrsCache.find("operation", key))) {
            CoordinateReferenceSystem s = parse(ws);
            CoordinateReferenceSystem t = parse(wt);
            if (s != null && t != null) {
                return withoutDatabase(s, t);
            }
        }
        MathTransform found = CRS.findOperation(original(source), original(target), null).getMathTransform();
        if (key != null) {
            try {
                CoordinateReferenceSystem s = parse(ws);
                CoordinateReferenceSystem t = parse(wt);
                if (s != null && t != null && found.equals(withoutDatabase(s, t))) {
                    CrsCache.put("operation", key, "local");
                }
            } catch (FactoryException | RuntimeException e) {
                // not remembered
            }
        }
        return found;
    }

    /** The operation SIS derives from the two definitions alone (its finder without an authority factory). */
    private static MathTransform withoutDatabase(CoordinateReferenceSystem s, CoordinateReferenceSystem t)
            throws FactoryException {
        return new org.apache.sis.referencing.operation.CoordinateOperationFinder(null,
                org.apache.sis.referencing.operation.DefaultCoordinateOperationFactory.provider(), null)
                .createOperation(s, t).getMathTransform();
    }

    /** {@code crs}, or when it was parsed from the cache, the CRS as made without the cache. */
    private static CoordinateReferenceSystem original(CoordinateReferenceSystem crs) {
        List<java.util.function.Supplier<CoordinateReferenceSystem>> ways;
        synchronized (ORIGINAL) {
            List<java.util.function.Supplier<CoordinateReferenceSystem>> known = ORIGINAL.get(crs);
            if (known == null) {
                return crs;
            }
            ways = List.copyOf(known);
        }
        synchronized (ORIGINALS) { // made once a process (through the EPSG database)
            CoordinateReferenceSystem made = ORIGINALS.get(crs);
            if (made != null) {
                return made;
            }
            RuntimeException failed = null;
            for (var way : ways) {
                try {
                    made = way.get();
                    ORIGINALS.put(crs, made);
                    return made;
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            throw failed;
        }
    }

    /** Adds a way to make {@code crs} as it was made without the cache (see {@link #ORIGINAL}). */
    private static void rememberOriginal(CoordinateReferenceSystem crs,
            java.util.function.Supplier<CoordinateReferenceSystem> way) {
        synchronized (ORIGINAL) {
            List<java.util.function.Supplier<CoordinateReferenceSystem>> ways =
                    ORIGINAL.computeIfAbsent(crs, c -> new java.util.ArrayList<>());
            ways.add(way);
            if (ways.size() > ORIGINAL_WAYS) {
                ways.remove(1); // the oldest but the first
            }
        }
    }

    /** The originals made, by the identity of the parsed CRS they stand behind. */
    private static final Map<CoordinateReferenceSystem, CoordinateReferenceSystem> ORIGINALS =
            new java.util.IdentityHashMap<>();

    /** The WKT of a CRS handed out here (from the database, a file or the cache), or {@code null}. */
    private static String wktOf(CoordinateReferenceSystem crs) {
        return WKT_OF.get(crs);
    }

    static boolean isEqualAreaMethod(String method) {
        String m = method.toLowerCase(Locale.ROOT).replace('_', ' ');
        return m.contains("equal area") || m.contains("equal-area") || m.contains("mollweide")
                || m.contains("sinusoidal") || m.contains("equal earth") || m.contains("eckert iv")
                || m.contains("eckert vi") || m.contains("homolosine");
    }
}
