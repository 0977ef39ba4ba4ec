package org.ldn.cli;

import org.ldn.cli.run.CountryBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.aggregate.AggregationCheck;
import org.ldn.core.aggregate.AggregationUnit;
import org.ldn.core.aggregate.SourcedReport;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticRun;
import org.ldn.testdata.TestData;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.output.BatchSummary;

/**
 * {@code ldn batch} over the 177 countries of the bundled world boundaries with a small synthetic run over New Guinea
 * ({@link SyntheticRun}): the island is shared by Indonesia and Papua New Guinea, so exactly these two get a report
 * and every other country fails as outside the rasters.
 */
class BatchCommandTest {
    static final String PNG = "Papua New Guinea";
    static final String IDN = "Indonesia";

    @TempDir
    static Path dir;
    static Path runFile;

    @BeforeAll
    static void run() {
        runFile = SyntheticRun.write(dir, new GeoTiffIO(), 42);
    }


    static CliRunner batch(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", runFile.toString(), "--zones",
                dir.resolve("world.gpkg").toString(), "--id-field", "name_long", "--out", out.toString(),
                "--threads", "2"));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void oneReportPerCountryOnTheRastersThenResumeSkipsThemAndRerunsADeletedOne() throws IOException {
        Path out = dir.resolve("all");
        CliRunner first = batch(out);
        assertEquals(ExitCodes.INPUT, first.exitCode(), "the 175 countries outside the rasters fail: " + first.err());
        assertEquals(List.of("Indonesia", "Papua_New_Guinea", BatchSummary.FILE), list(out));
        Map<String, String> status = statusColumn(out);
        assertEquals(177, status.size());
        assertEquals("done", status.get(PNG));
        assertEquals("done", status.get(IDN));
        assertEquals(175, status.values().stream().filter("failed"::equals).count());
        assertTrue(first.out().contains("177 countries: 2 done, 0 skipped, 175 failed"), first.out());
        assertTrue(first.err().contains("Kenya: FAILED: the zones do not overlap the reference grid"), first.err());
        for (String c : List.of("Indonesia", "Papua_New_Guinea")) {
            for (String f : List.of("report.json", "manifest.json", "tables/degradation.csv",
                    "maps/reporting1_sdg_15_3_1.tif")) {
                assertTrue(Files.isRegularFile(out.resolve(c).resolve(f)), c + "/" + f);
            }
        }
        Report png = ReportJson.read(out.resolve("Papua_New_Guinea/report.json"));
        assertEquals(PNG, AggregationUnit.featureId(png));
        assertEquals(List.of(PNG), png.zones().stream().map(Report.ZoneReport::id).toList());
        // PNG lies wholly on the grid: its pixel-centre area at 0.1° is within 1.5 % of spData's geodesic area_km2
        assertEquals(464520.07, png.zones().get(0).areaKm2(), 464520.07 * 0.015);

        FileTime pngTime = Files.getLastModifiedTime(out.resolve("Papua_New_Guinea/report.json"));
        CliRunner again = batch(out, "--only", PNG + "," + IDN);
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals(Map.of(PNG, "skipped", IDN, "skipped"), statusColumn(out));
        assertEquals(pngTime, Files.getLastModifiedTime(out.resolve("Papua_New_Guinea/report.json")));

        String idnBefore = withoutCreatedAt(out.resolve("Indonesia/report.json"));
        Files.delete(out.resolve("Indonesia/report.json"));
        CliRunner third = batch(out, "--only", PNG + "," + IDN);
        assertEquals(ExitCodes.OK, third.exitCode(), third.err());
        assertEquals(Map.of(PNG, "skipped", IDN, "done"), statusColumn(out));
        assertEquals(pngTime, Files.getLastModifiedTime(out.resolve("Papua_New_Guinea/report.json")));
        assertEquals(idnBefore, withoutCreatedAt(out.resolve("Indonesia/report.json")));
        assertTrue(third.err().contains("Papua New Guinea: skipped (complete report exists)"), third.err());
    }

    @Test
    void aCountrysReportIsTheRunOfThatCountryAlone() throws IOException {
        Path out = dir.resolve("png");
        assertEquals(ExitCodes.OK, batch(out, "--only", PNG).exitCode());
        Report fromBatch = ReportJson.read(out.resolve("Papua_New_Guinea/report.json"));
        // the same inputs through 'ldn run' with a boundary file holding only that country (written by GDAL)
        Path single = dir.resolve("png.geojson");
        org.junit.jupiter.api.Assumptions.assumeTrue(gdal("ogr2ogr", "-f", "GeoJSON", "-where",
                "name_long = 'Papua New Guinea'", single.toString(), TestData.file(TestData.WORLD).toString()),
                "ogr2ogr is not installed");
        Path runPng = dir.resolve("png.yaml");
        Files.writeString(runPng, Files.readString(runFile).replace("zones: {file: world.gpkg, idField: name_long}",
                "zones: {file: png.geojson, idField: name_long}"));
        CliRunner run = CliRunner.run("run", runPng.toString(), "--out", dir.resolve("png-run").toString(), "-q");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Report fromRun = ReportJson.read(dir.resolve("png-run/report.json"));
        assertEquals(fromRun.zones(), fromBatch.zones());
        assertEquals(fromRun.total(), fromBatch.total());
        assertEquals(fromRun.grid(), fromBatch.grid());
        assertEquals(fromRun.parameters(), fromBatch.parameters());
    }

    /** Two box "countries" over the island, PG and ID, and the bundled provinces joined to them by iso_a2. */
    @Test
    void subNationalUnitsAreTheZonesOfTheirCountry() throws IOException {
        Path boxes = dir.resolve("boxes.geojson");
        Files.writeString(boxes, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"iso": "ID", "label": "Indonesia (box)"}, "geometry": {"type":
                  "Polygon", "coordinates": [[[131, -10.5], [141, -10.5], [141, -0.5], [131, -0.5], [131, -10.5]]]}},
                 {"type": "Feature", "properties": {"iso": "PG", "label": "Papua New Guinea (box)"}, "geometry":
                  {"type": "Polygon", "coordinates": [[[141, -10.5], [151, -10.5], [151, -0.5], [141, -0.5],
                  [141, -10.5]]]}},
                 {"type": "Feature", "properties": {"iso": "XX", "label": "Nowhere (box)"}, "geometry": {"type":
                  "Polygon", "coordinates": [[[131, -10.5], [132, -10.5], [132, -9.5], [131, -9.5], [131, -10.5]]]}},
                 {"type": "Feature", "properties": {"iso": "KE", "label": "Kenya (box)"}, "geometry": {"type":
                  "Polygon", "coordinates": [[[34, -4], [41, -4], [41, 4], [34, 4], [34, -4]]]}}]}
                """);
        Path out = dir.resolve("provinces");
        CliRunner r = CliRunner.run("batch", runFile.toString(), "--zones", boxes.toString(), "--id-field", "iso",
                "--name-field", "label", "--out", out.toString(), "--subzones",
                TestData.file(TestData.PROVINCES).toString(), "--subzone-id-field", "iso_3166_2",
                "--subzone-name-field", "name", "--parent-field", "iso_a2");
        assertEquals(ExitCodes.INPUT, r.exitCode(), "Kenya's box is outside the rasters: " + r.err());
        assertTrue(r.err().contains("KE Kenya (box): FAILED: the zones do not overlap"), r.err());
        assertTrue(r.err().contains("XX Nowhere (box): done in"), r.err());
        assertTrue(r.err().contains("has no unit whose iso_a2 is 'XX'; the country is its own single zone"), r.err());
        assertEquals(List.of("XX"), ReportJson.read(out.resolve("XX/report.json")).zones().stream()
                .map(Report.ZoneReport::id).toList());
        Report id = ReportJson.read(out.resolve("ID/report.json"));
        Report pg = ReportJson.read(out.resolve("PG/report.json"));
        // the bundled file holds Indonesia's Papua and Papua Barat and the 20 provinces of Papua New Guinea
        assertEquals(List.of("ID-PA", "ID-PB"), id.zones().stream().map(Report.ZoneReport::id).sorted().toList());
        assertEquals(20, pg.zones().size());
        assertTrue(pg.zones().stream().allMatch(z -> z.id().startsWith("PG-")));
        assertEquals("ID", AggregationUnit.featureId(id));
        assertEquals(List.of(), AggregationCheck.check(List.of(new SourcedReport("id", id),
                new SourcedReport("pg", pg))), "totals are the sums of the provinces and the tables add up");
        @SuppressWarnings("unchecked")
        Map<String, Object> zones = (Map<String, Object>) ((Map<String, Object>) pg.run()).get("zones");
        assertEquals(Map.of("id", "PG", "name", "Papua New Guinea (box)"), zones.get("feature"));
        assertEquals("iso_a2", ((Map<?, ?>) zones.get("subzones")).get("parentField"));
    }

    @Test
    void aCountryWithoutDataFailsAndWritesNothing() throws IOException {
        Path nodata = dir.resolve("nodata");
        Files.createDirectories(nodata);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, nodata.resolve(f.getFileName()));
            }
        }
        GeoTiffIO io = new GeoTiffIO();
        for (String p : List.of("baseline", "reporting1")) {
            Path lpd = nodata.resolve("lpd_" + p + ".tif");
            Files.delete(lpd);
            try (var sink = io.create(lpd, SyntheticRun.GRID, org.ldn.core.raster.SampleType.UINT8, 0)) {
                sink.write(SyntheticRun.GRID.extent(), new short[(int) SyntheticRun.GRID.pixelCount()]);
                sink.commit();
            }
        }
        Path out = dir.resolve("nodata-out");
        CliRunner r = CliRunner.run("batch", nodata.resolve("ldn.yaml").toString(), "--zones", dir.resolve("world.gpkg").toString(),
                "--id-field", "name_long", "--out", out.toString(), "--only", PNG);
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("Papua New Guinea: FAILED: no data over it"), r.err());
        assertEquals(List.of(BatchSummary.FILE), list(out));
    }

    @Test
    void unknownIdsInOnlyAreAnInputError() {
        CliRunner r = batch(dir.resolve("none"), "--only", "Atlantis");
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("no feature has name_long [Atlantis]"), r.err());
    }

    @Test
    void folderNamesAreSafe() {
        assertEquals("Cote_d_Ivoire", CountryBatch.folderName("Cote d'Ivoire"));
        assertEquals("_..", CountryBatch.folderName(".."));
        assertEquals("a_b", CountryBatch.folderName("a/b"));
    }

    static Map<String, String> statusColumn(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<String> lines = Files.readAllLines(out.resolve(BatchSummary.FILE));
        assertEquals("id,name,status,land_area_km2,proportion_degraded_baseline_fraction,"
                + "proportion_degraded_reporting1_fraction,"
                + "reason", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            m.put(f[0].replace("\"", ""), f[2]);
        }
        return m;
    }

    static String withoutCreatedAt(Path report) throws IOException {
        return Files.readString(report).replaceFirst("\"createdAt\" : \"[^\"]*\"", "");
    }

    static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static boolean gdal(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
