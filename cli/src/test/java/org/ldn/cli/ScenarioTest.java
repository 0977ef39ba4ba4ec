package org.ldn.cli;

import org.ldn.cli.run.UncertaintyRunner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.core.scenario.Scenario;
import org.ldn.core.scenario.ScenarioFiles;
import org.ldn.core.scenario.UncertaintySpec;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.RunAssembler;
import org.ldn.cli.run.ScenarioRunner;

class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void threeVariantsOfTheBundledExampleReadTheInputsOnce() throws Exception {
        GeoTiffIO io = new GeoTiffIO();
        ResolvedRun run = RunFiles.resolve(RunFiles.read(ExampleRunTest.EXAMPLE), ExampleRunTest.EXAMPLE);
        EngineOptions options = new EngineOptions(512, 2, null);
        List<Scenario> three = List.of(new Scenario("soc-5pct", 5.0, null, null, null, null, null),
                new Scenario("soc-20pct", 20.0, null, null, null, null, null),
                new Scenario("humid", null, null, 0.48, null, null, null));
        ScenarioRunner.Outcome alone;
        ScenarioRunner.Outcome all;
        try (AssembledRun a = new RunAssembler(io).assemble(run)) {
            alone = new ScenarioRunner(io).run(a, List.of(), dir, options);
        }
        try (AssembledRun a = new RunAssembler(io).assemble(run)) {
            all = new ScenarioRunner(io).run(a, three, dir, options);
        }
        assertEquals(4, all.reports().size());
        assertEquals(alone.sourceReads(), all.sourceReads(), "four variants read the inputs as often as one run");
        Report r10 = all.reports().get("run");
        assertEquals(alone.reports().get("run").total(), r10.total(), "the run as given is unchanged");
        Report r5 = all.reports().get("soc-5pct");
        Report r20 = all.reports().get("soc-20pct");
        for (int z = 0; z <= r10.zones().size(); z++) {
            Report.ZoneReport a5 = z < r10.zones().size() ? r5.zones().get(z) : r5.total();
            Report.ZoneReport a10 = z < r10.zones().size() ? r10.zones().get(z) : r10.total();
            Report.ZoneReport a20 = z < r10.zones().size() ? r20.zones().get(z) : r20.total();
            for (int p = 0; p < a10.periods().size(); p++) {
                double d5 = a5.periods().get(p).soc().degradedKm2();
                double d10 = a10.periods().get(p).soc().degradedKm2();
                double d20 = a20.periods().get(p).soc().degradedKm2();
                assertTrue(d5 >= d10 && d10 >= d20, a10.id() + " period " + p + ": " + d5 + " " + d10 + " " + d20);
            }
        }
        assertTrue(r5.total().periods().get(1).soc().degradedKm2() > r10.total().periods().get(1).soc().degradedKm2(),
                "the lower threshold finds more SOC degradation in the reporting period");
    }

    @Test
    void aRestorationPlanTurnsItsPolygonsIntoTheTargetClass() throws Exception {
        SyntheticRunTest.write(dir);
        // restore columns 20–39 (x 4 020 000 .. 4 040 000) to tree cover from 2015: grassland → tree = +1, so the
        // 600 km² that were stable (rows 30–59 of those columns) become improved
        SyntheticFiles.rectangles(dir.resolve("restore.geojson"), 3035,
                new Object[] {"R1", 4_020_000, 3_000_000 - 60_000, 4_040_000, 3_000_000});
        Files.writeString(dir.resolve("scenarios.yaml"), "scenarios:\n  - {name: restore, restoration: {file:"
                + " restore.geojson, class: 1, fromYear: 2015}}\n");
        CliRunner r = CliRunner.run("scenario", dir.resolve("ldn.yaml").toString(), "--scenarios",
                dir.resolve("scenarios.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        Report restored = ReportChecks.check(dir.resolve("out/restore/report.json"));
        Report.AreaSummary sdg = restored.total().periods().get(0).sdg();
        assertEquals(new Report.AreaSummary(2400, 0, 3600, 0, 0, 6000, 0.6, 0.6, null, null), sdg);
        assertEquals(1200.0, restored.total().periods().get(0).lcTransitionKm2().get("2").get("1"));
        String cmp = Files.readString(dir.resolve("out/comparison.csv"));
        assertTrue(cmp.contains("restore,__total__,All zones,baseline,0.6,3600,"), cmp);
        assertTrue(cmp.startsWith("variant,zone_id,zone_name,period,proportion_degraded_fraction,degraded_km2,"), cmp);
    }

    @Test
    void monteCarloIsReproducibleAndDegeneratesToTheDeterministicResult() throws Exception {
        SyntheticRunTest.write(dir);
        long[][] perfect = new long[7][7];
        long[][] noisy = new long[7][7];
        for (int i = 0; i < 7; i++) {
            perfect[i][i] = 50;
            noisy[i][i] = 40;
            noisy[i][(i + 2) % 7] = 10;
        }
        Path yaml = dir.resolve("ldn.yaml");
        ResolvedRun run = RunFiles.resolve(RunFiles.read(yaml), yaml);
        GeoTiffIO io = new GeoTiffIO();
        EngineOptions one = new EngineOptions(32, 1, null);
        EngineOptions two = new EngineOptions(64, 2, null);
        UncertaintySpec noisySpec = new UncertaintySpec(12, 99, null, new UncertaintySpec.Range(5, 15), noisy);
        List<UncertaintyRunner.Row> a;
        List<UncertaintyRunner.Row> b;
        List<UncertaintyRunner.Row> flat;
        try (AssembledRun assembled = new RunAssembler(io).assemble(run)) {
            a = new UncertaintyRunner().run(assembled, noisySpec, one);
            b = new UncertaintyRunner().run(assembled, noisySpec, two);
            flat = new UncertaintyRunner().run(assembled, new UncertaintySpec(10, 5, null,
                    new UncertaintySpec.Range(10, 10), perfect), two);
        }
        assertEquals(a, b, "same seed: bit-identical, whatever the threads and tiles");
        UncertaintyRunner.Row total = flat.stream().filter(r -> r.zone().equals("__total__")
                && r.quantity().equals("proportionDegraded")).findFirst().orElseThrow();
        assertEquals(0.6, total.distribution().mean(), 1e-15, "the deterministic 3600 / 6000");
        assertEquals(total.distribution().low95(), total.distribution().high95(), "zero-width interval");
        assertEquals(0.6, total.distribution().low95());
        UncertaintyRunner.Row noisyTotal = a.stream().filter(r -> r.zone().equals("__total__")
                && r.quantity().equals("proportionDegraded")).findFirst().orElseThrow();
        assertTrue(noisyTotal.distribution().high95() > noisyTotal.distribution().low95(), "noise gives a spread");
        ScenarioFiles.Contents c = ScenarioFiles.read(write("uncertainty:\n  draws: 3\n  seed: 4\n"
                + "  socThresholdPercent: {min: 10, max: 10}\n"));
        assertEquals(new UncertaintySpec.Range(10, 10), c.uncertainty().socThresholdPercent());
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }
}
