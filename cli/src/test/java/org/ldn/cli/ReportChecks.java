package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportConsistency;
import org.ldn.core.report.ReportJson;

/** Checks every written report must pass: the shipped JSON Schema, and areas that add up (two ways). */
final class ReportChecks {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ReportJson.schema());

    private ReportChecks() {
    }

    static Report check(Path reportFile) throws IOException {
        JsonNode node = new ObjectMapper().readTree(reportFile.toFile());
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertTrue(errors.isEmpty(), () -> "schema violations: " + errors);
        Report r = ReportJson.read(reportFile);
        assertEquals(java.util.List.of(), ReportConsistency.problems(r), "ldn check-report finds no problem");
        double zonesArea = 0;
        for (Report.ZoneReport z : r.zones()) {
            zonesArea += z.areaKm2();
            if (z.periods() == null) {
                continue;
            }
            for (Report.PeriodReport p : z.periods()) {
                for (Report.AreaSummary a : new Report.AreaSummary[] {p.sdg(), p.landCover(), p.productivity(),
                    p.soc(), p.status3()}) {
                    if (a != null) {
                        double sum = a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2() + a.waterKm2();
                        assertEquals(z.areaKm2(), sum, 1e-9 * Math.max(1, z.areaKm2()), z.id() + " " + p.name());
                        assertEquals(a.landAreaKm2(), a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2(),
                                1e-9 * Math.max(1, z.areaKm2()));
                    }
                }
            }
        }
        assertEquals(r.total().areaKm2(), zonesArea, 1e-9 * Math.max(1, zonesArea), "zones add up to the total");
        return r;
    }
}
