package org.ldn.core.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ldn.core.aggregate.CountryJson.Figures;

/**
 * Small country reports as JSON text, as {@code ldn batch} writes them (one zone, the country recorded as
 * {@code run.zones.feature}): a baseline and one reporting period with its 7-class status. Every figure is given by
 * the test, so regional sums can be worked out by hand.
 *
 * @param baseline the baseline's sdg areas
 * @param status7  the reporting period's status areas for classes 1..7, then nodata (water is the zone's water)
 */
record CountryJson(String id, String name, double area, double water, Figures baseline, double[] status7,
        String reportingYears) {

    /** Improved, stable, degraded and nodata areas of an sdg summary. */
    record Figures(double improved, double stable, double degraded, double nodata) {
        double land() {
            return improved + stable + degraded + nodata;
        }
    }

    static CountryJson of(String id, String name, double area, double water, Figures baseline, double... status7) {
        return new CountryJson(id, name, area, water, baseline, status7, "[2015, 2019]");
    }

    CountryJson withReportingYears(String years) {
        return new CountryJson(id, name, area, water, baseline, status7, years);
    }

    Figures status3() {
        double[] s = status7;
        return new Figures(s[4] + s[5] + s[6], s[3], s[0] + s[1] + s[2], s[7]);
    }

    String json() {
        return json(Double.NaN);
    }

    /** The report; a finite {@code wrongLand} replaces the baseline's land area (a total that does not add up). */
    String json(double wrongLand) {
        Figures r = status3();
        String zone = """
                {"id": "%s", "name": "%s", "areaKm2": %s,
                 "landCoverClassKm2": {"2000": {"1": %s, "7": %s, "nodata": 0}},
                 "periods": [
                  {"name": "baseline", "landCoverYears": [2000, 2015], "socYears": [2000, 2015],
                   "productivityYears": [2000, 2015], "combinedFrom": ["landCover"], "sdg": %s},
                  {"name": "reporting", "landCoverYears": %s, "socYears": [2015, 2019],
                   "productivityYears": [2004, 2019], "combinedFrom": ["landCover"], "sdg": %s,
                   "status7Km2": {"1": %s, "2": %s, "3": %s, "4": %s, "5": %s, "6": %s, "7": %s, "nodata": %s,
                                  "water": %s},
                   "status3": %s, "change": {"degradedKm2": %s, "percentagePoints": %s}}]}"""
                .formatted(id, name, n(area), n(area - water), n(water),
                        summary(baseline, Double.isNaN(wrongLand) ? baseline.land() : wrongLand), reportingYears,
                        summary(r, r.land()), n(status7[0]), n(status7[1]), n(status7[2]), n(status7[3]),
                        n(status7[4]), n(status7[5]), n(status7[6]), n(status7[7]), n(water), summary(r, r.land()),
                        n(r.degraded() - baseline.degraded()),
                        n(100 * (r.degraded() / r.land() - baseline.degraded() / baseline.land())));
        return """
                {"schemaVersion": "1.0", "engine": {"name": "ldn-engine", "version": "test"},
                 "createdAt": "2026-01-01T00:00:00Z",
                 "run": {"title": "test", "zones": {"file": "world.gpkg", "idField": "iso_a3",
                         "feature": {"id": "%s", "name": "%s"}}},
                 "zones": [%s],
                 "total": %s}
                """.formatted(id, name, zone, zone.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"__total__\""));
    }

    Path write(Path dir, String file) {
        return write(dir, file, json());
    }

    static Path write(Path dir, String file, String json) {
        try {
            return Files.writeString(dir.resolve(file), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String summary(Figures f, double land) {
        return ("{\"improvedKm2\": %s, \"stableKm2\": %s, \"degradedKm2\": %s, \"noDataKm2\": %s, \"waterKm2\": %s,"
                + " \"landAreaKm2\": %s, \"proportionDegraded\": %s, \"proportionDegradedOfValid\": %s}")
                .formatted(n(f.improved()), n(f.stable()), n(f.degraded()), n(f.nodata()), n(water), n(land),
                        n(f.degraded() / land), n(f.degraded() / (f.improved() + f.stable() + f.degraded())));
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
