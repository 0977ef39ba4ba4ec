package org.ldn.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ldn.cli.output.RunWriter;
import org.ldn.core.InputException;
import org.ldn.core.aggregate.AggregationUnit;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;
import org.ldn.core.run.RunFiles;
import org.ldn.core.zone.ZoneRaster;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.geodata.vector.Boundaries;
import org.ldn.geodata.vector.BoundaryFeature;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;

/**
 * A batch made ready: the run file resolved, the countries (and their sub-national units) read once, the digests
 * of the inputs taken once for all countries. {@link #run} computes one country into {@code out/<id>/} exactly as
 * {@code ldn run} would with the country as its zones (its units when given): same folder layout, written
 * atomically. A country whose complete
 * report exists (readable, current schema version, same country) is skipped; a country that fails (no overlap with
 * the rasters, no pixel, no data, any input error) is reported and writes nothing. Immutable and thread-safe: countries
 * may run in parallel.
 */
public final class CountryBatch {
    /** Outcome of one country. */
    public enum Status {
        DONE, SKIPPED, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A country of the boundary file.
     *
     * @param folder its output folder's name (the id, with characters unsafe in file names replaced by '_')
     * @param size   its bounding box's area in the file's units, to start big countries first
     */
    public record Country(String id, String name, String folder, double size) {
    }

    /** What happened to one country: its report when done or skipped, the reason when failed or skipped. */
    public record Outcome(Country country, Status status, String reason, Report report, double seconds) {
    }

    private final BatchPlan plan;
    private final ResolvedRun run;
    private final Boundaries world;
    private final Map<String, BoundaryFeature> features = new HashMap<>();
    private final Boundaries subzones;
    private final Map<String, List<BoundaryFeature>> units = new HashMap<>();
    private final List<Report.Input> files = new ArrayList<>();
    private final List<Country> countries = new ArrayList<>();
    private final DigestCache digests = new DigestCache();

    private CountryBatch(BatchPlan plan) {
        this.plan = plan;
        Path runFile = Path.of(plan.runFile());
        RunFile rf = RunFiles.read(runFile);
        RunFile.Zones zs = new RunFile.Zones(plan.zonesFile(), plan.idField(), plan.nameField(), plan.layer());
        this.run = RunFiles.resolve(new RunFile(rf.title(), zs, rf.landCover(), rf.productivity(), rf.soc(),
                rf.periods(), rf.landTypes(), rf.population(), rf.grid(), rf.subIndicators(),
                rf.nationalLandAreaKm2(), rf.drought()), runFile);
        ZoneFileOptions opts = options(plan.idField(), plan.nameField(), plan.layer());
        Boundaries w = ZoneFiles.read(Path.of(plan.zonesFile()), opts);
        this.world = new Boundaries(plan.zonesFile(), w.crs(), w.features());
        files.add(RunAssembler.input("zones", plan.zonesFile(), Path.of(plan.zonesFile())));
        Map<String, String> folders = new HashMap<>();
        for (BoundaryFeature f : world.features()) {
            features.put(f.id(), f);
            String folder = folderName(f.id());
            String other = folders.putIfAbsent(folder.toLowerCase(Locale.ROOT), f.id());
            if (other != null) {
                throw new InputException(plan.zonesFile() + ": ids '" + other + "' and '" + f.id() + "' would share"
                        + " the output folder '" + folder + "' (choose an id attribute with distinct values)");
            }
            countries.add(new Country(f.id(), f.name(), folder, f.geometry().getEnvelopeInternal().getArea()));
        }
        if (plan.subzonesFile() != null) {
            Path p = Path.of(plan.subzonesFile());
            Boundaries s = ZoneFiles.read(p, options(plan.subzoneIdField(), plan.subzoneNameField(),
                    plan.subzoneLayer()));
            this.subzones = new Boundaries(plan.subzonesFile(), s.crs(), s.features());
            // the parent attribute read as the "name" of each unit: names need not be unique, unlike ids
            Boundaries parents = ZoneFiles.read(p, options(plan.subzoneIdField(), plan.parentField(),
                    plan.subzoneLayer()));
            for (int i = 0; i < s.features().size(); i++) {
                BoundaryFeature unit = s.features().get(i);
                String parent = parents.features().get(i).name();
                units.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
            }
            files.add(RunAssembler.input("subzones", plan.subzonesFile(), p));
        } else {
            this.subzones = null;
        }
    }

    /** Reads the run file and the boundary files of {@code plan}; every problem is an InputException. */
    public static CountryBatch open(BatchPlan plan) {
        return new CountryBatch(plan);
    }

    /** Every country of the boundary file, in file order. */
    public List<Country> countries() {
        return List.copyOf(countries);
    }

    /** The countries {@code ids} names, in file order. */
    public List<Country> select(List<String> ids) {
        List<String> unknown = ids.stream().filter(id -> !features.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InputException(plan.zonesFile() + ": no feature has " + plan.idField() + " " + unknown
                    + " (check --only against the ids in the file)");
        }
        return countries.stream().filter(c -> ids.contains(c.id())).toList();
    }

    public BatchPlan plan() {
        return plan;
    }

    /** The periods every report has, in order. */
    public List<String> periodNames() {
        return run.periods().stream().map(RunFile.PeriodSpec::name).toList();
    }

    /** Computes (or skips) one country with {@code threads} engine threads. Never throws for a country's fault. */
    public Outcome run(Country c, int threads) {
        long t0 = System.nanoTime();
        Path folder = plan.outPath().resolve(c.folder());
        Report existing = existing(folder, c);
        if (existing != null) {
            return new Outcome(c, Status.SKIPPED, "complete report exists", existing, 0);
        }
        try {
            GeoTiffIO io = new GeoTiffIO();
            List<String> notes = new ArrayList<>();
            try (AssembledRun a = new RunAssembler(io, digests).assemble(run, choice(c, notes))) {
                a.warnings().addAll(notes);
                if (a.inputs().zones() instanceof ZoneRaster zr && zr.zonesWithoutPixels().length == zr.zoneCount()) {
                    throw new InputException("covers no pixel centre of the reference grid (too small for the"
                            + " rasters' pixels)");
                }
                RunWriter.Outcome o = new RunWriter(io).run(a, folder, new EngineOptions(
                        EngineOptions.DEFAULT_TILE_SIZE, threads, null), CountryBatch::requireData);
                return new Outcome(c, Status.DONE, String.join("; ", notes), o.report(), seconds(t0));
            }
        } catch (InputException e) {
            return new Outcome(c, Status.FAILED, withoutBoundaryFile(e.getMessage()), null, seconds(t0));
        } catch (RuntimeException e) {
            return new Outcome(c, Status.FAILED, "internal error: " + e, null, seconds(t0));
        }
    }

    /**
     * Runs {@code todo} on {@code threads} threads, countries in parallel (the largest first, so that a big
     * country does not start last), each country's engine on its share of the threads. {@code progress} is told
     * each outcome as it comes (from several threads, one call at a time). Returns the outcomes in {@code todo}'s
     * order.
     */
    public List<Outcome> runAll(List<Country> todo, int threads, Consumer<Outcome> progress) {
        int workers = Math.max(1, Math.min(threads, todo.size()));
        int engineThreads = Math.max(1, threads / workers);
        List<Country> bySize = new ArrayList<>(todo);
        bySize.sort(Comparator.comparingDouble(Country::size).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ldn-country");
            t.setDaemon(true);
            return t;
        });
        Map<Country, Future<Outcome>> futures = new LinkedHashMap<>();
        try {
            for (Country c : bySize) {
                futures.put(c, pool.submit(() -> {
                    Outcome o = run(c, engineThreads);
                    synchronized (progress) {
                        progress.accept(o);
                    }
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Country c : todo) {
                out.add(futures.get(c).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The zones of one country: the country itself, or its sub-national units when the plan has them. */
    private RunAssembler.ZoneChoice choice(Country c, List<String> notes) {
        BoundaryFeature f = features.get(c.id());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", plan.zonesFile());
        d.put("idField", plan.idField());
        d.put("nameField", plan.nameField() != null ? plan.nameField() : plan.idField());
        if (plan.layer() != null) {
            d.put("layer", plan.layer());
        }
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("id", c.id());
        feature.put("name", c.name());
        d.put(AggregationUnit.FEATURE_KEY, feature);
        if (subzones == null) {
            return new RunAssembler.ZoneChoice(new Boundaries(world.source(), world.crs(), List.of(f)), files, d);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", plan.subzonesFile());
        s.put("idField", plan.subzoneIdField());
        s.put("nameField", plan.subzoneNameField() != null ? plan.subzoneNameField() : plan.subzoneIdField());
        if (plan.subzoneLayer() != null) {
            s.put("layer", plan.subzoneLayer());
        }
        s.put("parentField", plan.parentField());
        d.put("subzones", s);
        List<BoundaryFeature> mine = units.getOrDefault(c.id(), List.of());
        if (mine.isEmpty()) {
            notes.add(plan.subzonesFile() + " has no unit whose " + plan.parentField() + " is '" + c.id()
                    + "'; the country is its own single zone");
            return new RunAssembler.ZoneChoice(new Boundaries(world.source(), world.crs(), List.of(f)), files, d);
        }
        return new RunAssembler.ZoneChoice(new Boundaries(subzones.source(), subzones.crs(), mine), files, d);
    }

    /** A country whose every land pixel is nodata in every period has no figures worth a report. */
    private static void requireData(Report r) {
        for (Report.PeriodReport p : r.total().periods()) {
            Report.AreaSummary s = p.sdg();
            if (s.improvedKm2() + s.stableKm2() + s.degradedKm2() > 0) {
                return;
            }
        }
        throw new InputException("no data over it: every land pixel is nodata in every period");
    }

    /** The complete report in {@code folder} for {@code c}, or null when there is none to keep. */
    private static Report existing(Path folder, Country c) {
        Path file = folder.resolve("report.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Report r = ReportJson.read(file);
            return c.id().equals(AggregationUnit.featureId(r)) ? r : null;
        } catch (InputException e) {
            return null;
        }
    }

    /** A reason without the boundary file's name in front, which every country would repeat. */
    private String withoutBoundaryFile(String message) {
        for (String f : new String[] {plan.zonesFile(), plan.subzonesFile()}) {
            if (f != null && message.startsWith(f + ": ")) {
                return message.substring(f.length() + 2);
            }
        }
        return message;
    }

    /** The id with every character outside {@code [A-Za-z0-9._-]} replaced by '_' (never "." or ".."). */
    public static String folderName(String id) {
        String f = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return f.isEmpty() || f.equals(".") || f.equals("..") ? "_" + f : f;
    }

    private static ZoneFileOptions options(String id, String name, String layer) {
        ZoneFileOptions o = ZoneFileOptions.ids(id);
        if (name != null) {
            o = o.withNames(name);
        }
        return layer != null ? o.withLayer(layer) : o;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
