package org.ldn.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ldn.cli.run.AssembledRun;
import org.ldn.core.InputException;
import org.ldn.core.drought.Calibration;
import org.ldn.core.engine.DroughtFitsPass;
import org.ldn.core.engine.DroughtInputs;
import org.ldn.core.engine.EarlyWarningPass;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.engine.MonthlyPrecipitation;
import org.ldn.core.grid.Grid;
import org.ldn.core.indicator.Classes;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.DroughtBulletin;

/**
 * Writes the drought early-warning bulletin: finds or computes the calibration fits (144 Float32 maps and
 * {@code fits.json} in the fits folder; {@code fits.json} is written last, so a folder without it is incomplete
 * and recomputed), runs the bulletin pass, and writes {@code bulletin.json}, {@code bulletin.csv},
 * {@code worsened.csv} and {@code maps/} (with QGIS styles) into a folder that appears only on success.
 */
public final class DroughtBulletinWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final RasterIO io;

    public DroughtBulletinWriter(RasterIO io) {
        this.io = io;
    }

    public record Outcome(DroughtBulletin bulletin, Path folder, boolean fitsComputed) {
    }

    static String fitFile(int k, int month, int param) {
        return String.format(Locale.ROOT, "spi%d_%02d_%s.tif", k, month, DroughtFitsPass.PARAMS[param]);
    }

    public Outcome write(AssembledRun run, Path fitsDir, Path outDir, EngineOptions options) {
        DroughtInputs d = run.drought();
        MonthlyPrecipitation p = d.precipitation();
        Grid grid = d.grid();
        Calibration calibration = DroughtFitsPass.calibration(p, d.spec().calibration());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("calibration", List.of(calibration.firstYear(), calibration.lastYear()));
        identity.put("seriesStart", p.calendar().label(0));
        identity.put("scale", p.scale());
        identity.put("width", grid.width());
        identity.put("height", grid.height());
        List<Double> gt = new ArrayList<>();
        for (double v : grid.geoTransform()) {
            gt.add(v);
        }
        identity.put("geoTransform", gt);
        Path temp = null;
        List<RasterSource> opened = new ArrayList<>();
        try {
            Path dir = fitsDir;
            if (dir == null) {
                temp = Files.createTempDirectory("ldn-fits");
                dir = temp;
            }
            boolean computed = !Files.isRegularFile(dir.resolve("fits.json"));
            if (computed) {
                Files.createDirectories(dir);
                Path target = dir;
                DroughtFitsPass.run(grid, p, calibration, (k, m, q) -> io.create(target.resolve(fitFile(k, m, q)),
                        grid, SampleType.FLOAT32, Double.NaN), options);
                Files.writeString(dir.resolve("fits.json"), JSON.writeValueAsString(identity) + "\n",
                        StandardCharsets.UTF_8);
            } else {
                JsonNode given = JSON.readTree(dir.resolve("fits.json").toFile());
                if (!given.equals(JSON.valueToTree(identity))) {
                    throw new InputException(dir.resolve("fits.json") + ": these fits were made for another series,"
                            + " calibration or grid (" + given + "); give another --fits folder or delete it to"
                            + " recompute");
                }
            }
            Path fits = dir;
            EarlyWarningPass.Fits reader = (k, m, q) -> {
                RasterSource s = io.open(fits.resolve(fitFile(k, m, q)), fitFile(k, m, q));
                opened.add(s);
                if (!s.grid().sameAs(grid)) {
                    throw new InputException(s.name() + ": not on the run's grid; delete the fits folder to"
                            + " recompute");
                }
                return s;
            };
            try (OutputDirectory out = OutputDirectory.create(outDir)) {
                Path maps = out.work().resolve("maps");
                Files.createDirectories(maps);
                List<String> mapFiles = new ArrayList<>();
                DroughtBulletin b = EarlyWarningPass.run(grid, d.zones(), p, calibration, reader, d.legend(),
                        d.landCover(), d.population(), (stem, floating) -> {
                            mapFiles.add(stem + ".tif");
                            return io.create(maps.resolve(stem + ".tif"), grid,
                                    floating ? SampleType.FLOAT32 : SampleType.INT16,
                                    floating ? Double.NaN : Classes.NODATA);
                        }, options);
                for (String m : mapFiles) {
                    DroughtStyles.write(maps.resolve(m));
                }
                Files.writeString(out.work().resolve("bulletin.json"), JSON.writeValueAsString(b) + "\n",
                        StandardCharsets.UTF_8);
                tables(b, out.work());
                out.commit();
                return new Outcome(b, out.target(), computed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            opened.forEach(RasterSource::close);
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static void tables(DroughtBulletin b, Path dir) throws IOException {
        CsvTables.Table areas = new CsvTables.Table("zone_id", "zone_name", "month", "spi_scale", "drought_class",
                "area_km2", "total_persons", "share_of_land");
        CsvTables.Table worse = new CsvTables.Table("zone_id", "zone_name", "spi_scale", "previous_month",
                "previous_mean_spi", "previous_class", "month", "mean_spi", "class", "worsened", "worsened_km2");
        List<DroughtBulletin.Zone> zones = new ArrayList<>(b.zones());
        zones.add(b.total());
        for (DroughtBulletin.Zone z : zones) {
            z.spi().forEach((k, s) -> {
                double land = s.classKm2().values().stream().mapToDouble(Double::doubleValue).sum();
                s.classKm2().forEach((c, km2) -> areas.add(z.id(), z.name(), b.month(), k, c, km2,
                        s.population() == null ? null : s.population().get("total").get(c),
                        land > 0 ? km2 / land : null));
                worse.add(z.id(), z.name(), k, b.previousMonth(), s.previousMeanSpi(), s.previousMeanClass(),
                        b.month(), s.meanSpi(), s.meanClass(), s.worsened(), s.worsenedKm2());
            });
        }
        List<String> written = new ArrayList<>();
        areas.write(dir.resolve("bulletin.csv"), written);
        worse.write(dir.resolve("worsened.csv"), written);
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
