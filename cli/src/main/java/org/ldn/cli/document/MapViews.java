package org.ldn.cli.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.cli.output.MapPalette;
import org.ldn.core.engine.MapKind;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSource;

/**
 * The map pages: per period the combined indicator and (reporting periods) the 7-class status drawn large, then
 * each sub-indicator small, every picture downsampled from the streamed map file ({@link MapRaster}) in its QGIS
 * style's palette, with the zone outlines, a scale bar and (large maps) a locator drawn over it as SVG; and, with a
 * drought section, each reporting block's drought class map, small, in the drought palette.
 */
final class MapViews {
    static final int LARGE_WIDTH = 960;
    static final int LARGE_HEIGHT = 640;
    static final int SMALL_WIDTH = 420;
    static final int SMALL_HEIGHT = 300;

    private MapViews() {
    }

    /** A map kind's title. */
    static String title(MapKind k) {
        return switch (k) {
            case SDG -> "Combined indicator (SDG 15.3.1)";
            case STATUS -> "Status against the baseline (7 classes)";
            case LAND_COVER -> "Land cover";
            case PRODUCTIVITY -> "Land productivity";
            case SOC -> "Soil organic carbon";
            case TRAJECTORY -> "Productivity trajectory";
            case STATE -> "Productivity state";
            case PERFORMANCE -> "Productivity performance";
            case LPD -> "Land productivity dynamics (5 classes)";
        };
    }

    /** Everything the map pages need: pictures per period, the outlines (once per size) and the locator. */
    static Map<String, Object> of(RunOutput out, RasterIO io, List<Path> runDirs, String zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> periods = new ArrayList<>();
        if (out.maps().isEmpty()) {
            m.put("periods", periods);
            return m;
        }
        Grid grid;
        try (RasterSource s = io.open(out.maps().get(0).file(), out.maps().get(0).fileName())) {
            grid = s.grid();
        }
        int large = MapRaster.factorFor(grid, LARGE_WIDTH, LARGE_HEIGHT);
        int small = MapRaster.factorFor(grid, SMALL_WIDTH, SMALL_HEIGHT);
        ZoneOutlines outlinesLarge = null;
        ZoneOutlines outlinesSmall = null;
        Map<String, Object> current = null;
        for (RunOutput.MapFile f : out.maps()) {
            boolean big = f.kind() == MapKind.SDG || f.kind() == MapKind.STATUS;
            int factor = big ? large : small;
            MapRaster raster;
            try (RasterSource s = io.open(f.file(), f.fileName())) {
                raster = MapRaster.read(s, factor);
            }
            if (big && outlinesLarge == null) {
                outlinesLarge = ZoneOutlines.find(out, runDirs, grid, large, raster);
            } else if (!big && outlinesSmall == null) {
                outlinesSmall = ZoneOutlines.find(out, runDirs, grid, small, raster);
            }
            if (current == null || !current.get("name").equals(f.period())) {
                current = new LinkedHashMap<>();
                current.put("name", f.period());
                current.put("large", new ArrayList<Map<String, Object>>());
                current.put("small", new ArrayList<Map<String, Object>>());
                periods.add(current);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) current.get(big ? "large" : "small");
            list.add(view(f, raster, big ? "zones-large" : "zones-small", big));
        }
        m.put("periods", periods);
        List<Map<String, Object>> drought = new ArrayList<>();
        for (Path f : out.droughtMaps()) {
            String name = f.getFileName().toString();
            MapRaster raster;
            try (RasterSource s = io.open(f, name)) {
                raster = MapRaster.read(s, small);
            }
            if (outlinesSmall == null) {
                outlinesSmall = ZoneOutlines.find(out, runDirs, grid, small, raster);
            }
            String block = name.substring("drought_class_".length(), name.length() - ".tif".length());
            drought.add(view(name, "drought_class", "Drought intensity, " + block, MapPalette.DROUGHT, raster,
                    "zones-small", false));
        }
        m.put("drought", drought);
        m.put("hasDrought", !drought.isEmpty());
        m.put("outlinesLarge", outlinesLarge == null ? "" : outlinesLarge.all());
        m.put("outlinesSmall", outlinesSmall == null ? "" : outlinesSmall.all());
        ZoneOutlines any = outlinesLarge != null ? outlinesLarge : outlinesSmall;
        m.put("outlineSource", any == null ? "" : any.source());
        if (zone != null && outlinesLarge != null && outlinesLarge.byZone().containsKey(zone)) {
            m.put("highlightLarge", outlinesLarge.byZone().get(zone));
        }
        if (zone != null && outlinesSmall != null && outlinesSmall.byZone().containsKey(zone)) {
            m.put("highlightSmall", outlinesSmall.byZone().get(zone));
        }
        Locator loc = Locator.of(grid);
        if (loc != null) {
            m.put("locator", Map.of("viewBox", loc.viewBox(), "area", loc.area(), "world", Locator.world()));
        }
        return m;
    }

    private static Map<String, Object> view(RunOutput.MapFile f, MapRaster r, String outlines, boolean big) {
        return view(f.fileName(), f.kind().fileStem(), title(f.kind()), MapPalette.of(f.kind()), r, outlines, big);
    }

    private static Map<String, Object> view(String fileName, String kind, String title, MapPalette palette,
            MapRaster r, String outlines, boolean big) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("file", "maps/" + fileName);
        v.put("kind", kind);
        v.put("palette", palette.name());
        v.put("uri", MapPicture.dataUri(MapPicture.png(r, palette)));
        v.put("width", r.width());
        v.put("height", r.height());
        v.put("outlines", outlines);
        v.put("big", big);
        v.put("highlight", big ? "highlight-large" : "highlight-small");
        ScaleBar bar = ScaleBar.of(r.grid(), r.factor(), r.width());
        if (bar != null) {
            double x = 12;
            double y = r.height() - 14;
            v.put("bar", Map.of("x", x, "y", y, "x2", x + bar.pixels(), "label", bar.label(),
                    "mid", x + bar.pixels() / 2, "ty", y - 6, "fontSize", big ? 13 : 15));
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        for (MapPalette.Entry e : palette.entries()) {
            legend.add(Map.of("hex", e.hex(), "label", e.label()));
        }
        v.put("legend", legend);
        v.put("downsampled", r.factor() > 1 ? "1 picture pixel = the most frequent class of " + r.factor() + " × "
                + r.factor() + " map pixels" : "");
        return v;
    }
}
