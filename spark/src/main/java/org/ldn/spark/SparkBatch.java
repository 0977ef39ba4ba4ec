package org.ldn.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.ldn.cli.run.BatchPlan;
import org.ldn.cli.run.CountryBatch;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;

/**
 * {@code ldn batch} as a Spark job: the driver checks the inputs and lists the countries, then each country is one
 * task that runs the same engine as {@code ldn batch} ({@link CountryBatch#run}) on an executor and writes the same
 * output folder. Executors read the inputs and write the outputs themselves, so every path of the plan must be the
 * same on the driver and on every executor (a shared file system; the reports record the paths as given). Each
 * executor opens the plan once (run file, boundaries, digests) and keeps it for all its tasks. Tasks send back a
 * small {@link CountryResult}; the driver reads the reports from the output folder for the summary.
 */
public final class SparkBatch {
    /** What a task sends back to the driver. */
    public record CountryResult(String id, CountryBatch.Status status, String reason, double seconds)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The plans opened in this JVM (driver or executor), by plan. */
    private static final Map<BatchPlan, CountryBatch> OPEN = new ConcurrentHashMap<>();

    private SparkBatch() {
    }

    /**
     * Runs the countries {@code only} names (null: every country) of {@code plan}, one Spark task each, the largest
     * first; returns the outcomes in the boundary file's order, with the reports read from the output folder.
     */
    public static List<CountryBatch.Outcome> run(JavaSparkContext sc, BatchPlan plan, List<String> only) {
        CountryBatch batch = opened(plan);
        List<CountryBatch.Country> todo = only == null ? batch.countries() : batch.select(only);
        List<String> ids = todo.stream().sorted(Comparator.comparingDouble(CountryBatch.Country::size).reversed())
                .map(CountryBatch.Country::id).toList();
        List<CountryResult> results = ids.isEmpty() ? List.of()
                : sc.parallelize(ids, ids.size()).map(id -> runCountry(plan, id)).collect();
        Map<String, CountryResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        List<CountryBatch.Outcome> out = new ArrayList<>();
        for (CountryBatch.Country c : todo) {
            CountryResult r = byId.get(c.id());
            Path report = plan.outPath().resolve(c.folder()).resolve("report.json");
            Report read = r.status() != CountryBatch.Status.FAILED && Files.isRegularFile(report)
                    ? ReportJson.read(report) : null;
            out.add(new CountryBatch.Outcome(c, r.status(), r.reason(), read, r.seconds()));
        }
        return out;
    }

    /** One task: the country {@code id} of {@code plan}, computed (or skipped) with one engine thread. */
    static CountryResult runCountry(BatchPlan plan, String id) {
        CountryBatch batch = opened(plan);
        CountryBatch.Outcome o = batch.run(batch.select(List.of(id)).get(0), 1);
        return new CountryResult(id, o.status(), o.reason(), o.seconds());
    }

    static CountryBatch opened(BatchPlan plan) {
        return OPEN.computeIfAbsent(plan, CountryBatch::open);
    }
}
