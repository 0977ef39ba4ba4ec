package org.ldn.cli.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.ldn.cli.run.Digests;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;

/**
 * Zone outlines as SVG path data in picture pixels ({@code x} right, {@code y} down from the picture's top-left
 * corner): from the run's zones file when it is found with the digest report.json records, else traced from the
 * maps themselves along the edges between nodata and data (the outer outline of the zones together).
 *
 * @param byZone one path per zone id (empty when traced from the maps)
 * @param all    every outline in one path
 * @param source where the outlines come from, said in the document
 */
record ZoneOutlines(Map<String, String> byZone, String all, String source) {
    /** Vertices closer than this (picture pixels) to the last one kept are dropped. */
    private static final double MIN_STEP = 0.6;

    /**
     * The outlines of the run's zones on a picture of {@code grid} at {@code factor}, looking for the zones file
     * (as named in report.json's {@code run.zones}) beside the run file in each of {@code runDirs} (in order);
     * {@code fallback} is traced when none is found or it cannot be read.
     */
    static ZoneOutlines find(RunOutput out, List<Path> runDirs, Grid grid, int factor, MapRaster fallback) {
        JsonNode zones = out.run().get("zones");
        String file = zones == null || zones.get("file") == null ? null : zones.get("file").asText();
        String digest = null;
        for (var in : out.report().inputs()) {
            if ("zones".equals(in.role())) {
                digest = in.sha256();
            }
        }
        if (file != null) {
            for (Path dir : runDirs) {
                if (dir == null) {
                    continue;
                }
                Path p = dir.resolve(file);
                try {
                    if (Files.isRegularFile(p) && (digest == null || digest.equals(Digests.sha256(p)))) {
                        ZoneFileOptions o = ZoneFileOptions.ids(zones.get("idField").asText());
                        if (zones.hasNonNull("nameField")) {
                            o = o.withNames(zones.get("nameField").asText());
                        }
                        if (zones.hasNonNull("layer")) {
                            o = o.withLayer(zones.get("layer").asText());
                        }
                        return of(ZoneFiles.read(p, o).zoneShapes(grid), grid, factor, file);
                    }
                } catch (java.io.IOException | InputException e) {
                    break; // an unreadable zones file: trace the outline from the maps instead
                }
            }
        }
        return traced(fallback);
    }

    /** The outlines of {@code shapes} (in the grid's CRS). */
    static ZoneOutlines of(List<ZoneShape> shapes, Grid grid, int factor, String source) {
        Map<String, String> byZone = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        double sx = grid.dx() * factor;
        double sy = grid.dy() * factor;
        for (ZoneShape z : shapes) {
            StringBuilder d = new StringBuilder();
            for (double[] ring : z.rings()) {
                List<double[]> kept = new ArrayList<>();
                for (int i = 0; i + 1 < ring.length; i += 2) {
                    double x = (ring[i] - grid.x0()) / sx;
                    double y = (ring[i + 1] - grid.y0()) / sy;
                    double[] last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
                    if (last == null || Math.abs(x - last[0]) + Math.abs(y - last[1]) >= MIN_STEP) {
                        kept.add(new double[] {x, y});
                    }
                }
                if (kept.size() < 3) {
                    continue;
                }
                for (int i = 0; i < kept.size(); i++) {
                    d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", kept.get(i)[0],
                            kept.get(i)[1]));
                }
                d.append('Z');
            }
            byZone.put(z.id(), d.toString());
            all.append(d);
        }
        return new ZoneOutlines(byZone, all.toString(), "the zones file " + source);
    }

    /** The edges between nodata and data pixels of a picture, merged along rows and columns. */
    static ZoneOutlines traced(MapRaster r) {
        StringBuilder d = new StringBuilder();
        int w = r.width();
        int h = r.height();
        short[] v = r.values();
        for (int y = 0; y <= h; y++) { // horizontal edges above row y
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean edge = x < w && data(v, w, h, x, y - 1) != data(v, w, h, x, y);
                if (edge && start < 0) {
                    start = x;
                } else if (!edge && start >= 0) {
                    d.append('M').append(start).append(' ').append(y).append('H').append(x);
                    start = -1;
                }
            }
        }
        for (int x = 0; x <= w; x++) { // vertical edges left of column x
            int start = -1;
            for (int y = 0; y <= h; y++) {
                boolean edge = y < h && data(v, w, h, x - 1, y) != data(v, w, h, x, y);
                if (edge && start < 0) {
                    start = y;
                } else if (!edge && start >= 0) {
                    d.append('M').append(x).append(' ').append(start).append('V').append(y);
                    start = -1;
                }
            }
        }
        return new ZoneOutlines(Map.of(), d.toString(), "the edge of the mapped area (the zones file was not found)");
    }

    private static boolean data(short[] v, int w, int h, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && v[y * w + x] != BlockMode.NODATA;
    }
}
