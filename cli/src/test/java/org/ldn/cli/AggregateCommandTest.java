package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.report.ReportJson;
import org.ldn.cli.command.ExitCodes;

/** {@code ldn aggregate} of the batch reports of Papua New Guinea and Indonesia. */
class AggregateCommandTest {
    @TempDir
    static Path dir;
    static Path batch;
    static Report png;
    static Report idn;

    @BeforeAll
    static void reports() {
        batch = BatchFixture.countries(dir);
        png = ReportJson.read(batch.resolve("Papua_New_Guinea/report.json"));
        idn = ReportJson.read(batch.resolve("Indonesia/report.json"));
    }

    @Test
    void regionsAndTheWorldFromTheBundledRegionsAreExactSums() throws IOException {
        Path out = dir.resolve("agg");
        CliRunner r = CliRunner.run("aggregate", batch.toString(), "--regions", "un-m49", "--regions-key", "name",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Report agg = ReportJson.read(out.resolve("aggregate.json"));
        // the bundled regions: Indonesia is in Asia / South-Eastern Asia, Papua New Guinea in Oceania / Melanesia
        assertEquals(List.of("region:Asia", "region:Oceania", "subregion:Melanesia", "subregion:South-Eastern Asia",
                "continent:Asia", "continent:Oceania"), agg.zones().stream().map(ZoneReport::id).toList());
        ZoneReport oceania = agg.zones().get(1);
        // a region of one country has its areas and proportions (the share of valid land may differ in the last bit)
        assertEquals(png.total().areaKm2(), oceania.areaKm2());
        for (int p = 0; p < 2; p++) {
            Report.PeriodReport o = oceania.periods().get(p);
            Report.PeriodReport c = png.total().periods().get(p);
            assertEquals(c.sdg().degradedKm2(), o.sdg().degradedKm2());
            assertEquals(c.sdg().proportionDegraded(), o.sdg().proportionDegraded());
            assertEquals(c.lcTransitionKm2(), o.lcTransitionKm2());
            assertEquals(c.status7Km2(), o.status7Km2());
            assertEquals(c.change(), o.change());
        }
        ZoneReport world = agg.total();
        ZoneReport a = png.total();
        ZoneReport b = idn.total();
        assertEquals(exactSum(a.areaKm2(), b.areaKm2()), world.areaKm2());
        for (int p = 0; p < 2; p++) {
            AreaSummary sa = a.periods().get(p).sdg();
            AreaSummary sb = b.periods().get(p).sdg();
            AreaSummary w = world.periods().get(p).sdg();
            double degraded = exactSum(sa.degradedKm2(), sb.degradedKm2());
            double land = exactSum(sa.landAreaKm2(), sb.landAreaKm2());
            assertEquals(degraded, w.degradedKm2());
            assertEquals(land, w.landAreaKm2());
            assertEquals(degraded / land, w.proportionDegraded());
        }
        AreaSummary s = world.periods().get(1).status3();
        double statusDegraded = exactSum(a.periods().get(1).status3().degradedKm2(),
                b.periods().get(1).status3().degradedKm2());
        assertEquals(statusDegraded, s.degradedKm2());
        assertEquals(statusDegraded - world.periods().get(0).sdg().degradedKm2(),
                world.periods().get(1).change().degradedKm2());
        assertTrue(Files.isRegularFile(out.resolve("tables/degradation.csv")));
        assertTrue(r.out().contains("aggregate: 2 zones from 2 reports, 6 groups"), r.out());
        assertEquals(Set.of(), validateAgainstTheReportSchema(out.resolve("aggregate.json")));

        Path unccd = dir.resolve("agg-unccd");
        CliRunner e = CliRunner.run("export", out.resolve("aggregate.json").toString(), "--out", unccd.toString());
        assertEquals(ExitCodes.OK, e.exitCode(), e.err());
        assertTrue(Files.readString(unccd.resolve("unccd_so1_csv/so1_4_t2_proportion_degraded.csv"))
                .contains("region:Oceania,Oceania,baseline,"));
    }

    @Test
    void aCountryInTwoReportsIsRefusedNamingBothFiles() throws IOException {
        Path out = dir.resolve("twice");
        Path file = batch.resolve("Papua_New_Guinea/report.json");
        Path copy = Files.copy(file, dir.resolve("png-copy.json"));
        CliRunner r = CliRunner.run("aggregate", batch.toString(), copy.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("ldn: 1 problem in the reports; nothing was aggregated"), r.err());
        assertTrue(r.err().contains("  " + copy + ": zone 'Papua New Guinea' (Papua New Guinea) is also in " + file
                + " (aggregate each zone once"), r.err());
        assertFalse(Files.exists(out));
        CliRunner same = CliRunner.run("aggregate", file.toString(), batch.resolve("Papua_New_Guinea").toString(),
                "--out", out.toString());
        assertTrue(same.err().contains("is also in " + file + " (the same file given twice)"), same.err());
    }

    @Test
    void aReportWhoseLandAreaDisagreesWithItsAreaIsRefused() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode tree = (ObjectNode) m.readTree(batch.resolve("Indonesia/report.json").toFile());
        for (String part : List.of("zones", "total")) {
            JsonNode z = part.equals("zones") ? tree.get("zones").get(0) : tree.get("total");
            ObjectNode sdg = (ObjectNode) z.get("periods").get(0).get("sdg");
            sdg.put("waterKm2", sdg.get("waterKm2").asDouble() + 100);
        }
        Path edited = dir.resolve("idn-edited.json");
        m.writeValue(edited.toFile(), tree);
        CliRunner r = CliRunner.run("aggregate", batch.resolve("Papua_New_Guinea/report.json").toString(),
                edited.toString(), "--out", dir.resolve("edited").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("  " + edited + ": zone 'Indonesia', period 'baseline', sdg: land area "),
                r.err());
        assertTrue(r.err().contains("disagrees with the zone's area"), r.err());
    }

    @Test
    void theRegionsFileIsChecked() throws IOException {
        Path regions = dir.resolve("regions.csv");
        Files.writeString(regions, "name,region\nIndonesia,Asia\nIndonesia,Oceania\n");
        CliRunner r = CliRunner.run("aggregate", batch.toString(), "--regions", regions.toString(), "--regions-key",
                "name", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains(regions + ": zone id 'Indonesia' is on two lines"), r.err());
    }

    /** aggregate.json is report.json without a grid (its zones come from many grids). */
    static Set<ValidationMessage> validateAgainstTheReportSchema(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode schema = (ObjectNode) m.readTree(ReportJson.schema());
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("grid")) {
                required.remove(i);
            }
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(m.readTree(file.toFile()));
    }

    private static double exactSum(double a, double b) {
        return new BigDecimal(a).add(new BigDecimal(b)).doubleValue();
    }
}
