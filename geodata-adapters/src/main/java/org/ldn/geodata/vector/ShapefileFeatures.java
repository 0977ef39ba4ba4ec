package org.ldn.geodata.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;
import org.ldn.geodata.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads the polygons of an ESRI Shapefile ({@code .shp} geometry, {@code .shx} record index, {@code .dbf}
 * attributes, optional {@code .prj} CRS and {@code .cpg} code page), following the ESRI Shapefile Technical
 * Description (1998): big-endian file and record headers, little-endian record contents. Polygon, PolygonZ and
 * PolygonM records are read (z and m are ignored); records marked deleted in the {@code .dbf} are skipped, as OGR
 * does. Hand-written because no maintained Shapefile reader is on Maven Central.
 */
final class ShapefileFeatures {
    private static final int NULL_SHAPE = 0;
    private static final int POLYGON = 5;
    private static final int POLYGON_Z = 15;
    private static final int POLYGON_M = 25;

    private ShapefileFeatures() {
    }

    static FeatureTable read(Path shp, String file, ZoneFileOptions options) {
        Path shx = sibling(shp, "shx");
        Path dbf = sibling(shp, "dbf");
        for (Path part : new Path[] {shx, dbf, sibling(shp, "prj"), sibling(shp, "cpg")}) {
            RegularFiles.require(part, file + ": " + part.getFileName());
        }
        for (Path part : new Path[] {shx, dbf}) {
            if (!Files.isRegularFile(part)) {
                throw new InputException(file + ": the Shapefile has no " + part.getFileName()
                        + " beside it (copy all of its files: .shp, .shx, .dbf, .prj)");
            }
        }
        try {
            if (Files.size(shp) > Integer.MAX_VALUE - 8) {
                throw new InputException(file + ": Shapefiles over 2 GB are not supported (convert it to GeoPackage)");
            }
            // read, not mapped: a mapping lives until garbage collection, keeping the file open (and locked on
            // Windows) and making every later truncation of it slow
            ByteBuffer geometry = ByteBuffer.wrap(Files.readAllBytes(shp));
            int[] offsets = recordOffsets(Files.readAllBytes(shx), file);
            checkHeader(geometry, file);
            DbfTable table = DbfTable.open(dbf, sibling(shp, "cpg"), file);
            if (table.recordCount() < offsets.length) {
                throw new InputException(file + ": the .dbf has " + table.recordCount() + " record(s) but the .shp has "
                        + offsets.length + " shapes (the files do not belong together; re-export the Shapefile)");
            }
            AttributeChoice choice = AttributeChoice.resolve(file, table.fieldNames(), options);
            GeometryFactory gf = new GeometryFactory();
            List<RawFeature> out = new ArrayList<>(offsets.length);
            for (int i = 0; i < offsets.length; i++) {
                if (table.isDeleted(i)) {
                    continue;
                }
                String label = "record " + (i + 1);
                String name = choice.nameIndex() < 0 ? null : table.text(i, choice.nameIndex());
                out.add(new RawFeature(label, table.text(i, choice.idIndex()), name,
                        shape(geometry, offsets[i], gf, file, label)));
            }
            return new FeatureTable(crs(shp, file, options.assumedCrs()), out);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The byte offset of each record in the .shp, from the .shx index (offsets are stored in 16-bit words). */
    private static int[] recordOffsets(byte[] shx, String file) {
        if (shx.length < 100 || (shx.length - 100) % 8 != 0) {
            throw new InputException(file + ": the .shx index is truncated (" + shx.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(shx).order(ByteOrder.BIG_ENDIAN);
        int[] offsets = new int[(shx.length - 100) / 8];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = b.getInt(100 + 8 * i) * 2;
        }
        return offsets;
    }

    private static void checkHeader(ByteBuffer shp, String file) {
        if (shp.capacity() < 100 || shp.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new InputException(file + ": not a Shapefile (bad .shp header)");
        }
        int type = shp.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M && type != NULL_SHAPE) {
            throw new InputException(file + ": holds " + typeName(type)
                    + " shapes, not polygons (zones must be polygons or multipolygons)");
        }
    }

    /** Decodes the record at {@code offset}: null for a null shape, else the polygon(s). */
    private static Geometry shape(ByteBuffer shp, int offset, GeometryFactory gf, String file, String label) {
        try {
            int length = shp.order(ByteOrder.BIG_ENDIAN).getInt(offset + 4) * 2;
            ByteBuffer r = shp.slice(offset + 8, length).order(ByteOrder.LITTLE_ENDIAN);
            int type = r.getInt(0);
            if (type == NULL_SHAPE) {
                return null;
            }
            if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M) {
                throw new InputException(file + ": " + label + " is a " + typeName(type)
                        + ", not a polygon (zones must be polygons or multipolygons)");
            }
            int parts = r.getInt(36);
            int points = r.getInt(40);
            if (parts < 0 || points < 0 || 44L + 4L * parts + 16L * points > length) {
                throw new IllegalArgumentException(parts + " parts and " + points + " points in " + length + " bytes");
            }
            int first = 44 + 4 * parts;
            List<double[]> rings = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int start = r.getInt(44 + 4 * p);
                int end = p + 1 < parts ? r.getInt(44 + 4 * (p + 1)) : points;
                if (start < 0 || end > points || (long) end - start < 3) {
                    throw new IllegalArgumentException("part " + p + " spans points " + start + " to " + end);
                }
                double[] xy = new double[2 * (end - start)];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = r.getDouble(first + 8 * (2 * start + i));
                }
                rings.add(xy);
            }
            return rings.isEmpty() ? gf.createPolygon() : ShapeRings.assemble(rings, gf);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InputException(file + ": " + label + " is corrupt in the .shp (" + e.getMessage()
                    + "; re-export the Shapefile)", e);
        }
    }

    private static CoordinateReferenceSystem crs(Path shp, String file, CoordinateReferenceSystem assumed)
            throws IOException {
        Path prj = sibling(shp, "prj");
        if (Files.isRegularFile(prj)) {
            try {
                return Crs.fromWkt(Files.readString(prj, StandardCharsets.ISO_8859_1).trim(), file);
            } catch (InputException e) {
                throw new InputException(file + ": unreadable CRS in " + prj.getFileName() + ": "
                        + rootMessage(e) + " (replace the .prj with one exported by a GIS)", e);
            }
        }
        if (assumed != null) {
            return assumed;
        }
        throw new InputException(file + ": the Shapefile has no .prj, so its CRS is unknown"
                + " (add the .prj, or give the CRS to assume)");
    }

    private static String rootMessage(Exception e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }

    /** The file beside {@code shp} with extension {@code ext}, matched ignoring case; may not exist. */
    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String stem = name.substring(0, name.length() - 4);
        Path lower = shp.resolveSibling(stem + "." + ext);
        if (Files.exists(lower)) {
            return lower;
        }
        Path dir = shp.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(stem + "." + ext))
                    .findFirst().orElse(lower);
        } catch (IOException e) {
            return lower;
        }
    }

    private static String typeName(int type) {
        if (type == 31) {
            return "multipatch";
        }
        String base = switch (type % 10) {
            case 1 -> "point";
            case 3 -> "polyline";
            case 8 -> "multipoint";
            default -> "type-" + type;
        };
        return base + (type > 10 && type < 20 ? " (Z)" : type > 20 && type < 30 ? " (M)" : "");
    }
}
