package org.ldn.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ldn.core.report.Report;
import org.ldn.cli.run.CountryBatch;

/**
 * The end of a batch: one row per country with its status (done, skipped, failed and why), land area and the
 * proportion of degraded land of each period (the baseline's period assessment; for a reporting period its status
 * against the baseline, the value reported for SDG 15.3.1), printed as a table and written as
 * {@code batch_summary.csv} in the output folder.
 */
public final class BatchSummary {
    public static final String FILE = "batch_summary.csv";

    private BatchSummary() {
    }

    /** Prints the table; returns the number of failed countries. */
    public static int print(PrintWriter o, List<CountryBatch.Outcome> outcomes, List<String> periods, double seconds,
            Path out) {
        int[] counts = new int[CountryBatch.Status.values().length];
        int idWidth = 4;
        int nameWidth = 6;
        for (CountryBatch.Outcome x : outcomes) {
            counts[x.status().ordinal()]++;
            idWidth = Math.max(idWidth, x.country().id().length() + 2);
            nameWidth = Math.min(32, Math.max(nameWidth, x.country().name().length() + 2));
        }
        o.printf(Locale.ROOT, "batch: %d countries: %d done, %d skipped, %d failed, %.1f s; reports in %s%n",
                outcomes.size(), counts[0], counts[1], counts[2], seconds, out);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s%-" + nameWidth
                + "s%-9s%14s", "id", "name", "status", "land km2"));
        for (String p : periods) {
            head.append(String.format(Locale.ROOT, "  %14s", "degraded " + p));
        }
        o.println(head.append("  reason"));
        for (CountryBatch.Outcome x : outcomes) {
            String name = x.country().name();
            if (name.length() > nameWidth - 2) {
                name = name.substring(0, nameWidth - 3) + "…";
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s%-" + nameWidth
                    + "s%-9s%14s", x.country().id(), name, x.status().label(), land(x.report()) == null ? "-"
                    : String.format(Locale.ROOT, "%.1f", land(x.report()))));
            for (int p = 0; p < periods.size(); p++) {
                Double d = degraded(x.report(), p);
                row.append(String.format(Locale.ROOT, "  %14s",
                        d == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * d)));
            }
            o.println(row.append("  ").append(x.reason() == null ? "" : x.reason()).toString().stripTrailing());
        }
        o.flush();
        return counts[2];
    }

    /** Writes the rows as {@code out/batch_summary.csv} (replaced atomically). */
    public static void write(Path out, List<CountryBatch.Outcome> outcomes, List<String> periods) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("id", "name", "status", "land_area_km2"));
        for (String p : periods) {
            header.add("proportion_degraded_" + p + "_fraction");
        }
        header.add("reason");
        CsvTables.Table t = new CsvTables.Table(header.toArray(new String[0]));
        for (CountryBatch.Outcome x : outcomes) {
            List<Object> row = new ArrayList<>(List.of(x.country().id(), x.country().name(), x.status().label()));
            row.add(land(x.report()));
            for (int p = 0; p < periods.size(); p++) {
                row.add(degraded(x.report(), p));
            }
            row.add(x.reason());
            t.add(row.toArray());
        }
        try {
            Files.createDirectories(out);
            Path tmp = Files.createTempFile(out, "." + FILE, ".tmp");
            t.write(tmp, new ArrayList<>());
            Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(FILE), e);
        }
    }

    private static Double land(Report r) {
        if (r == null || r.total() == null || r.total().periods() == null || r.total().periods().isEmpty()) {
            return null;
        }
        return r.total().periods().get(0).sdg().landAreaKm2();
    }

    private static Double degraded(Report r, int period) {
        if (r == null || r.total() == null || r.total().periods() == null || period >= r.total().periods().size()) {
            return null;
        }
        Report.PeriodReport p = r.total().periods().get(period);
        return p.status3() != null ? p.status3().proportionDegraded() : p.sdg().proportionDegraded();
    }
}
