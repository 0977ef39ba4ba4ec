package org.ldn.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;
import org.ldn.core.correction.Corrections;
import org.ldn.core.engine.DroughtInputs;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.ProductivitySeries;
import org.ldn.core.engine.SocInput;
import org.ldn.core.engine.SubIndicator;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Window;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;
import org.ldn.core.zone.ZoneRaster;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.align.Regridded;
import org.ldn.geodata.vector.Boundaries;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;

/**
 * Opens a resolved run's files through the adapters and aligns them: picks the reference grid, crops it to the
 * zones' extent, rasterizes the zones, regrids every raster onto it (nearest neighbour, the field's rule) and reads
 * the legend and matrices. Every problem is an {@link InputException} naming the file.
 */
public final class RunAssembler {
    private final RasterIO io;
    private final DigestCache digests;
    private final boolean allowSameFile;

    /** An assembler whose input digests are kept between runs ({@link DigestCache#persistent()}). */
    public RunAssembler(RasterIO io) {
        this(io, DigestCache.persistent(), false);
    }

    /**
     * @param allowSameFile accept one land-cover file for two years ({@code --allow-same-file}); refused otherwise
     */
    public RunAssembler(RasterIO io, boolean allowSameFile) {
        this(io, DigestCache.persistent(), allowSameFile);
    }

    /** An assembler that takes input digests from {@code digests} (a batch shares one across its countries). */
    RunAssembler(RasterIO io, DigestCache digests, boolean allowSameFile) {
        this(io, digests, allowSameFile, null);
    }

    /**
     * As {@link #RunAssembler(RasterIO, DigestCache, boolean)} with the zones' shapes on the reference file's grid
     * given ({@code null}: read from the run file's zones): the tasks of a split run take the driver's
     * ({@link #zoneShapes()}) instead of reading and reprojecting the zone file again, and load no CRS library ahead.
     */
    RunAssembler(RasterIO io, DigestCache digests, boolean allowSameFile, List<ZoneShape> zoneShapes) {
        this.io = io;
        this.digests = digests;
        this.allowSameFile = allowSameFile;
        this.givenShapes = zoneShapes == null ? null : List.copyOf(zoneShapes);
    }

    /** The zones' shapes given to this assembler, or {@code null}. */
    private final List<ZoneShape> givenShapes;
    /** The zones' shapes on the reference file's grid of the last run assembled. */
    private List<ZoneShape> usedShapes;

    /** The zones' shapes (on the reference file's whole grid) of the run last assembled, or {@code null}. */
    List<ZoneShape> zoneShapes() {
        return usedShapes;
    }

    /**
     * Zones given in code instead of the run file's (a batch gives each country its own): the boundaries, the files
     * they came from (recorded as the report's inputs) and how the report's {@code run.zones} describes them.
     * Regional transition matrices ({@code landCover.matrix: [{zones: [ids], matrix: file}]}) may then name
     * {@code country}, the id of the batch's feature (the matrix applies to every zone of it that has none of its own),
     * and ids of {@code elsewhere}, the zones of the batch's other countries (ignored here).
     *
     * @param country   the batch feature's id, or {@code null}
     * @param elsewhere every zone id of the batch (countries and sub-national units)
     */
    public record ZoneChoice(Boundaries boundaries, List<Report.Input> files, Map<String, Object> description,
            String country, java.util.Set<String> elsewhere) {
        public ZoneChoice {
            files = List.copyOf(files);
            description = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(description));
            elsewhere = elsewhere == null ? java.util.Set.of() : java.util.Set.copyOf(elsewhere);
        }

        public ZoneChoice(Boundaries boundaries, List<Report.Input> files, Map<String, Object> description) {
            this(boundaries, files, description, null, null);
        }
    }

    public AssembledRun assemble(ResolvedRun run) {
        return assemble(run, null);
    }

    /** Assembles {@code run} over {@code zones} instead of the run file's zones ({@code null}: the run file's). */
    public AssembledRun assemble(ResolvedRun run, ZoneChoice zones) {
        List<RasterSource> opened = new ArrayList<>();
        prefetch = new InputPrefetch(io, digests, givenShapes == null);
        try {
            return assemble(run, zones, opened);
        } catch (RuntimeException e) {
            opened.forEach(RasterSource::close);
            throw e;
        } finally {
            prefetch.close();
            prefetch = null;
            pendingDigests.clear();
            digests.save();
        }
    }

    /** The set-up work started ahead for the run being assembled (one at a time per assembler). */
    private InputPrefetch prefetch;
    /** Report inputs whose digests are joined at the end of the set-up: their index in the list, and how. */
    private final List<Runnable> pendingDigests = new ArrayList<>();

    private AssembledRun assemble(ResolvedRun run, ZoneChoice choice, List<RasterSource> opened) {
        RunFile rf = run.file();
        java.util.concurrent.Future<Boundaries> zonesAhead = choice != null || givenShapes != null ? null
                : prefetch.submit(() -> readZones(run));
        prefetch.start(run);
        List<Report.Input> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, RasterSource> byRole = new LinkedHashMap<>();
        TreeMap<Integer, RasterSource> lc = new TreeMap<>();
        if (rf.landCover() != null && rf.landCover().maps() != null) {
            for (var e : new TreeMap<>(rf.landCover().maps()).entrySet()) {
                lc.put(e.getKey(), open(run, "landCover " + e.getKey(), e.getValue(), opened, files, byRole));
            }
            resolveDigests(); // the check compares the land-cover files' digests
            InputChecks.sameLandCover(run, files, allowSameFile, warnings);
        }
        Map<String, RasterSource> lpd = new LinkedHashMap<>();
        boolean prod = run.subIndicators().contains(SubIndicator.PRODUCTIVITY);
        SeriesInputs series = prod && run.series() != null
                ? SeriesInputs.open(run.series(), (role, f) -> open(run, role, f, opened, files, byRole)) : null;
        if (prod && series == null) {
            for (var p : run.periods()) {
                String f = rf.productivity().lpd().get(p.name());
                if (f == null) {
                    throw new InputException(run.runFile() + ": productivity.lpd has no map for period '" + p.name()
                            + "' (given: " + rf.productivity().lpd().keySet() + ")");
                }
                lpd.put(p.name(), open(run, "lpd " + p.name(), f, opened, files, byRole));
            }
        }
        Map<Integer, RasterSource> stocks = new TreeMap<>();
        RasterSource initial = null;
        RasterSource climate = null;
        RunFile.Soc soc = rf.soc();
        boolean useSoc = run.subIndicators().contains(SubIndicator.SOC);
        if (useSoc && soc.stocks() != null) {
            for (var e : new TreeMap<>(soc.stocks()).entrySet()) {
                stocks.put(e.getKey(), open(run, "soc " + e.getKey(), e.getValue(), opened, files, byRole));
            }
        } else if (useSoc) {
            initial = open(run, "soc initial " + soc.initial().year(), soc.initial().file(), opened, files, byRole);
            if (soc.climate() instanceof String s) {
                climate = open(run, "climate zones", s, opened, files, byRole);
            }
        }
        RasterSource landTypes = rf.landTypes() != null
                ? open(run, "land types", rf.landTypes(), opened, files, byRole) : null;
        Map<String, RasterSource> population = new LinkedHashMap<>();
        if (rf.population() != null) {
            if (rf.population().total() == null) {
                throw new InputException(run.runFile() + ": population.total is missing");
            }
            population.put("total", open(run, "population total", rf.population().total(), opened, files, byRole));
            if (rf.population().female() != null) {
                population.put("female", open(run, "population female", rf.population().female(), opened, files, byRole));
            }
            if (rf.population().male() != null) {
                population.put("male", open(run, "population male", rf.population().male(), opened, files, byRole));
            }
        }
        InputChecks.bands(byRole, warnings);
        RasterSource reference = switch (run.grid()) {
            case "lpd" -> lpd.isEmpty() ? null : lpd.values().iterator().next();
            case "landCover" -> lc.isEmpty() ? null : lc.firstEntry().getValue();
            case "series" -> series == null ? null : series.first();
            default -> !stocks.isEmpty() ? stocks.values().iterator().next() : initial;
        };
        if (reference == null) {
            throw new InputException(run.runFile() + ": grid: " + run.grid() + " names no input of this run");
        }
        Boundaries boundaries = choice != null ? choice.boundaries() : givenShapes != null ? null
                : zones(run, files, zonesAhead);
        if (choice == null && givenShapes != null) {
            files.add(digests.input("zones", rf.zones().file(), run.path(rf.zones().file())));
        }
        String zonesLabel = choice != null ? boundaries.source() : rf.zones().file();
        if (choice != null) {
            files.addAll(choice.files());
        }
        Grid full = reference.grid();
        List<ZoneShape> shapes = boundaries != null ? boundaries.zoneShapes(full) : givenShapes;
        usedShapes = shapes;
        Window crop = cropToZones(full, shapes, zonesLabel, reference.blockSize());
        Grid grid = full.subGrid(crop);
        ZoneRaster zones = ZoneRaster.build(zonesLabel, shapes, full, crop);
        for (int z : zones.zonesWithoutPixels()) {
            warnings.add("zone " + zones.id(z) + " (" + zones.name(z) + ") covers no pixel centre of the reference grid;"
                    + " it is reported with noPixels and no figures");
        }
        PixelAreas.warning(grid).ifPresent(warnings::add);
        Map<RasterSource, RasterSource> aligned = new HashMap<>();
        for (var e : byRole.entrySet()) {
            RasterSource src = e.getValue();
            if (!src.grid().sameAs(full)) {
                warnings.add(e.getKey() + " (" + src.name() + ") is on another grid than the reference ("
                        + src.grid().crs().label() + ", " + src.grid().width() + "x" + src.grid().height()
                        + "); regridded by nearest neighbour");
            }
            aligned.put(src, Regridded.onto(src, grid));
        }
        Legend legend = legend(run, files);
        List<TransitionMatrix> matrices = new ArrayList<>();
        int[] matrixOfZone = matrices(run, zones, choice, matrices, files);
        SocInput socInput = null;
        if (useSoc && !stocks.isEmpty()) {
            Map<Integer, RasterSource> s = new TreeMap<>();
            stocks.forEach((y, src) -> s.put(y, aligned.get(src)));
            socInput = new SocInput.Supplied(s);
        } else if (useSoc) {
            double factor = soc.climate() instanceof Number n ? n.doubleValue() : Double.NaN;
            socInput = new SocInput.Modelled(soc.initial().year(), aligned.get(initial),
                    climate == null ? null : aligned.get(climate), factor);
        }
        TreeMap<Integer, RasterSource> lcAligned = new TreeMap<>();
        lc.forEach((y, src) -> lcAligned.put(y, aligned.get(src)));
        Map<String, RasterSource> lpdAligned = new LinkedHashMap<>();
        lpd.forEach((p, src) -> lpdAligned.put(p, aligned.get(src)));
        Map<String, RasterSource> popAligned = new LinkedHashMap<>();
        population.forEach((k, src) -> {
            if (!src.grid().sameAs(full)) {
                throw new InputException(src.name() + ": population counts must be on the reference grid (counts are"
                        + " not preserved by nearest-neighbour regridding; resample with e.g. gdalwarp -r sum)");
            }
            popAligned.put(k, aligned.get(src));
        });
        ProductivitySeries seriesAligned = series == null ? null : series.toEngine(aligned::get);
        EngineInputs inputs = new EngineInputs(grid, zones, run.enginePeriods(),
                EnumSet.copyOf(run.subIndicators()), legend, lcAligned, matrices, matrixOfZone, lpdAligned, socInput,
                run.socThresholdPercent(), landTypes == null ? null : aligned.get(landTypes), popAligned,
                seriesAligned, null, corrections(run, full, crop, files));
        Map<String, Object> parameters = RunParameters.describe(run, legend, matrices, zones, matrixOfZone);
        if (seriesAligned != null) {
            int longest = 0;
            for (var p : inputs.periods()) {
                longest = Math.max(longest, p.productivityLast() - p.productivityFirst() + 1);
            }
            parameters.put("productivity", SeriesInputs.parameters(seriesAligned, longest));
        }
        DroughtInputs drought = rf.drought() == null ? null : DroughtAssembly.assemble(run, rf.drought(),
                (role, f) -> open(run, role, f, opened, files, new LinkedHashMap<>()), grid, full, zones, legend,
                lcAligned, popAligned, warnings);
        resolveDigests(); // after every open, the drought inputs' too
        return new AssembledRun(run, inputs, files, warnings, parameters, opened,
                choice == null ? null : choice.description(), full, drought);
    }

    /** The run file's correction polygons on the run's grid, recorded as an input; {@code null} without. */
    private Corrections corrections(ResolvedRun run, Grid full, Window crop, List<Report.Input> files) {
        if (run.file().corrections() == null) {
            return null;
        }
        String given = run.file().corrections().file();
        Corrections c = CorrectionInputs.read(run, full, crop);
        files.add(digests.input("corrections", given, run.path(given)));
        return c;
    }

    /** Joins the digests of the inputs opened so far into the report's input list. */
    private void resolveDigests() {
        pendingDigests.forEach(Runnable::run);
        pendingDigests.clear();
    }

    /** The run file's zones (read ahead by {@code ahead}). */
    private Boundaries zones(ResolvedRun run, List<Report.Input> files, java.util.concurrent.Future<Boundaries> ahead) {
        RunFile.Zones zs = run.file().zones();
        Path zonesPath = run.path(zs.file());
        Boundaries boundaries;
        try {
            boundaries = ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        files.add(digests.input("zones", zs.file(), zonesPath));
        return boundaries;
    }

    private static Boundaries readZones(ResolvedRun run) {
        RunFile.Zones zs = run.file().zones();
        Path zonesPath = run.path(zs.file());
        ZoneFileOptions opts = ZoneFileOptions.ids(zs.idField());
        if (zs.nameField() != null) {
            opts = opts.withNames(zs.nameField());
        }
        if (zs.layer() != null) {
            opts = opts.withLayer(zs.layer());
        }
        return ZoneFiles.read(zonesPath, opts);
    }

    private RasterSource open(ResolvedRun run, String role, String file, List<RasterSource> opened,
            List<Report.Input> files, Map<String, RasterSource> byRole) {
        Path p = run.path(file);
        RasterSource s = prefetch.open(p, file);
        opened.add(s);
        int index = files.size();
        files.add(null); // the digest is joined at the end of the set-up
        InputPrefetch ahead = prefetch;
        pendingDigests.add(() -> files.set(index, ahead.input(role, file, p)));
        byRole.put(role, s);
        return s;
    }

    public static Report.Input input(String role, String given, Path p) {
        try {
            return new Report.Input(role, given, Digests.sha256(p), Files.size(p));
        } catch (IOException e) {
            throw new InputException(given + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The smallest pixel-aligned window of {@code full} holding every zone's rings, with the west and north edges
     * moved out to the reference file's block grid ({@code block}: width and height, 0 when unknown; blocks over
     * {@value #MAX_SNAP} pixels are not followed): the run's tiles, which start at the window's origin, then read
     * the reference's blocks whole, once each, and the pixels added lie outside every zone (nodata in the maps, in
     * no figure).
     */
    static Window cropToZones(Grid full, List<ZoneShape> shapes, String source, int[] block) {
        double[] e = ZoneShape.envelope(shapes);
        double minX = e[0];
        double minY = e[1];
        double maxX = e[2];
        double maxY = e[3];
        double c0 = (minX - full.x0()) / full.dx();
        double c1 = (maxX - full.x0()) / full.dx();
        double r0 = (maxY - full.y0()) / full.dy();
        double r1 = (minY - full.y0()) / full.dy();
        if (full.dy() > 0) {
            double t = r0;
            r0 = r1;
            r1 = t;
        }
        int col0 = (int) Math.max(0, Math.floor(c0));
        int col1 = (int) Math.min(full.width(), Math.ceil(c1));
        int row0 = (int) Math.max(0, Math.floor(r0));
        int row1 = (int) Math.min(full.height(), Math.ceil(r1));
        if (!(minX <= maxX) || col1 <= col0 || row1 <= row0) {
            throw new InputException(source + ": the zones do not overlap the reference grid ("
                    + full.crs().label() + ", extent " + full.x0() + ", " + full.y0() + ", "
                    + (full.x0() + full.width() * full.dx()) + ", " + (full.y0() + full.height() * full.dy()) + ")");
        }
        if (block[0] > 0 && block[0] <= MAX_SNAP) {
            col0 -= col0 % block[0];
        }
        if (block[1] > 0 && block[1] <= MAX_SNAP) {
            row0 -= row0 % block[1];
        }
        return new Window(col0, row0, col1 - col0, row1 - row0);
    }

    /** Largest block side the crop follows (GeoTIFF tiles are 256 or 512 pixels; strips a few rows). */
    static final int MAX_SNAP = 1024;

    private Legend legend(ResolvedRun run, List<Report.Input> files) {
        String l = run.file().landCover() != null && run.file().landCover().legend() != null
                ? run.file().landCover().legend() : "esa-cci";
        return switch (l) {
            case "esa-cci" -> Legend.esaCci();
            case "unccd" -> Legend.unccd();
            default -> {
                Path p = run.path(l);
                RegularFiles.require(p, l);
                if (!Files.isRegularFile(p)) {
                    throw new InputException(run.runFile() + ": landCover.legend '" + l
                            + "' is neither esa-cci, unccd nor a CSV file that exists");
                }
                files.add(digests.input("legend", l, p));
                yield Legend.fromCsv(p, l);
            }
        };
    }

    /** Fills {@code out} with the run's matrices and returns the matrix index of each zone. */
    private int[] matrices(ResolvedRun run, ZoneRaster zones, ZoneChoice choice, List<TransitionMatrix> out,
            List<Report.Input> files) {
        Object m = run.file().landCover() != null ? run.file().landCover().matrix() : null;
        int[] ofZone = new int[zones.zoneCount()];
        if (m == null || m instanceof String) {
            out.add(matrix(run, (String) m, files));
            return ofZone;
        }
        if (!(m instanceof List<?> list)) {
            throw new InputException(run.runFile() + ": landCover.matrix must be 'default', a CSV file or a list of"
                    + " {zones: [ids], matrix: file}");
        }
        out.add(TransitionMatrix.defaults());
        Map<String, Integer> index = new HashMap<>();
        for (int z = 0; z < zones.zoneCount(); z++) {
            index.put(zones.id(z), z);
        }
        boolean[] assigned = new boolean[ofZone.length];
        int countryMatrix = -1;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> entry) || !(entry.get("zones") instanceof List<?> ids)
                    || !(entry.get("matrix") instanceof String file) || entry.size() != 2) {
                throw new InputException(run.runFile() + ": each regional matrix is {zones: [ids], matrix: file}");
            }
            if (out.size() == 127) {
                throw new InputException(run.runFile() + ": more than 126 regional matrices");
            }
            out.add(matrix(run, file, files));
            for (Object id : ids) {
                Integer z = index.get(String.valueOf(id));
                if (z == null && choice != null && String.valueOf(id).equals(choice.country())) {
                    if (countryMatrix >= 0) {
                        throw new InputException(run.runFile() + ": zone '" + id + "' is given two regional matrices");
                    }
                    countryMatrix = out.size() - 1; // the batch's country: for its units without a matrix of their own
                    continue;
                }
                if (z == null && choice != null && choice.elsewhere().contains(String.valueOf(id))) {
                    continue; // a zone of another country of the batch
                }
                if (z == null) {
                    throw new InputException(run.runFile() + ": landCover.matrix names zone '" + id
                            + "', which is not in the boundary file");
                }
                if (assigned[z]) {
                    throw new InputException(run.runFile() + ": zone '" + id + "' is given two regional matrices");
                }
                assigned[z] = true;
                ofZone[z] = out.size() - 1;
            }
        }
        for (int z = 0; z < ofZone.length && countryMatrix >= 0; z++) {
            if (!assigned[z]) {
                ofZone[z] = countryMatrix;
            }
        }
        return ofZone;
    }

    private TransitionMatrix matrix(ResolvedRun run, String m, List<Report.Input> files) {
        if (m == null || m.equals("default")) {
            return TransitionMatrix.defaults();
        }
        Path p = run.path(m);
        files.add(digests.input("matrix", m, p));
        return TransitionMatrix.fromCsv(p, m);
    }


    /** The CRS of a grid as the report states it: "EPSG:n" when known, else WKT. */
    public static String crsLabel(Grid g) {
        return g.crs().epsg() != null ? "EPSG:" + g.crs().epsg() : g.crs().wkt();
    }
}
