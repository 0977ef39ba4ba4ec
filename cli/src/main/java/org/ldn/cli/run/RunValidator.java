package org.ldn.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ldn.core.InputException;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.SocInput;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;
import org.ldn.core.run.RunFiles;

/**
 * Checks a run before a long computation and lists every problem found, not just the first: the run file, every
 * input file (exists, readable, has a CRS), the zones and grids, and the values inside the zones (land-cover codes
 * missing from the legend, LPD values outside 1..5, negative SOC stocks).
 */
public final class RunValidator {
    /** Unknown values listed per file at most. */
    private static final int MAX_LISTED = 10;
    private final RasterIO io;

    public RunValidator(RasterIO io) {
        this.io = io;
    }

    public List<String> validate(Path runFile) {
        List<String> problems = new ArrayList<>();
        ResolvedRun run;
        try {
            run = RunFiles.resolve(RunFiles.read(runFile), runFile);
        } catch (InputException e) {
            problems.add(e.getMessage());
            return problems;
        }
        for (String f : files(run.file())) {
            Path p = run.path(f);
            if (!Files.isRegularFile(p)) {
                problems.add(f + ": file not found (looked in " + p.getParent() + ")");
                continue;
            }
            if (f.toLowerCase().endsWith(".tif") || f.toLowerCase().endsWith(".tiff")) {
                try (RasterSource s = io.open(p, f)) {
                    s.grid();
                } catch (InputException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try (AssembledRun a = new RunAssembler(io).assemble(run)) {
            scanValues(a.inputs(), problems);
        } catch (InputException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static List<String> files(RunFile rf) {
        List<String> f = new ArrayList<>();
        if (rf.zones() != null && rf.zones().file() != null) {
            f.add(rf.zones().file());
        }
        if (rf.landCover() != null && rf.landCover().maps() != null) {
            f.addAll(rf.landCover().maps().values());
        }
        if (rf.productivity() != null && rf.productivity().lpd() != null) {
            f.addAll(rf.productivity().lpd().values());
        }
        if (rf.soc() != null) {
            if (rf.soc().stocks() != null) {
                f.addAll(rf.soc().stocks().values());
            }
            if (rf.soc().initial() != null && rf.soc().initial().file() != null) {
                f.add(rf.soc().initial().file());
            }
            if (rf.soc().climate() instanceof String s) {
                f.add(s);
            }
        }
        if (rf.landTypes() != null) {
            f.add(rf.landTypes());
        }
        return f;
    }

    /** Reads every raster over the zones once and lists values the method cannot use. */
    private static void scanValues(EngineInputs in, List<String> problems) {
        Tiling tiling = Tiling.of(in.grid(), 512);
        int[] zone = new int[512 * 512];
        double[] v = new double[512 * 512];
        byte[] lut = in.legend().lookupTable();
        for (Map.Entry<Integer, RasterSource> e : in.landCover().entrySet()) {
            TreeSet<String> unknown = new TreeSet<>();
            scan(in, tiling, e.getValue(), zone, v, x -> {
                int c = (int) x;
                if (c != x || c < 0 || c >= lut.length || lut[c] < 0) {
                    unknown.add(x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x));
                }
            });
            if (!unknown.isEmpty()) {
                problems.add(e.getValue().name() + ": land-cover value(s) " + listed(unknown) + " are not in the legend '"
                        + in.legend().name() + "'");
            }
        }
        for (RasterSource s : in.lpd().values()) {
            TreeSet<String> bad = new TreeSet<>();
            scan(in, tiling, s, zone, v, x -> {
                if (!(x == 0 || x == 15 || (x >= 1 && x <= 5 && x == Math.rint(x)))) {
                    bad.add(String.valueOf(x));
                }
            });
            if (!bad.isEmpty()) {
                problems.add(s.name() + ": value(s) " + listed(bad) + " are not LPD classes (1..5; 0 and 15 nodata)");
            }
        }
        List<RasterSource> stocks = new ArrayList<>();
        if (in.soc() instanceof SocInput.Supplied sup) {
            stocks.addAll(sup.stocks().values());
        } else if (in.soc() instanceof SocInput.Modelled m) {
            stocks.add(m.initial());
        }
        for (RasterSource s : stocks) {
            TreeSet<String> bad = new TreeSet<>();
            scan(in, tiling, s, zone, v, x -> {
                if (x < 0 || Double.isInfinite(x)) {
                    bad.add(String.valueOf(x));
                }
            });
            if (!bad.isEmpty()) {
                problems.add(s.name() + ": negative or infinite SOC stock(s) " + listed(bad));
            }
        }
    }

    private interface ValueCheck {
        void accept(double value);
    }

    private static void scan(EngineInputs in, Tiling tiling, RasterSource s, int[] zone, double[] v, ValueCheck check) {
        for (int t = 0; t < tiling.tileCount(); t++) {
            Window w = tiling.tile(t);
            in.zones().fill(w, zone);
            s.read(0, w, v);
            for (int i = 0; i < w.length(); i++) {
                if (zone[i] >= 0 && !Double.isNaN(v[i])) {
                    check.accept(v[i]);
                }
            }
        }
    }

    private static String listed(TreeSet<String> values) {
        List<String> l = new ArrayList<>(values);
        return l.size() <= MAX_LISTED ? String.join(", ", l)
                : String.join(", ", l.subList(0, MAX_LISTED)) + " and " + (l.size() - MAX_LISTED) + " more";
    }
}
