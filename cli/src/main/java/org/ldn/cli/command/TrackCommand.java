package org.ldn.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ldn.core.report.ReportJson;
import org.ldn.core.target.TargetFiles;
import org.ldn.core.target.Tracker;
import org.ldn.core.target.Tracking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.output.CsvTables;
import org.ldn.cli.output.OutputDirectory;

/** {@code ldn track REPORT... --targets targets.yaml}: are we on track for the LDN targets? */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = "Tracks LDN targets against one or more reports (a baseline run and later reporting runs):"
                + " observed value per period, straight path to the goal, linear projection to the target year,"
                + " on/off track and the remaining gap. Writes tracking.json and tracking.csv.")
public final class TrackCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "report.json files of the runs to combine.")
    List<Path> reports;

    @Option(names = "--targets", required = true, paramLabel = "FILE", description = "The targets file (YAML or JSON).")
    Path targets;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tracking",
            description = "Output folder (default: ${DEFAULT-VALUE}), replaced only when tracking succeeded.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Tracker.Source> sources = new ArrayList<>();
        for (Path p : reports) {
            sources.add(new Tracker.Source(p, ReportJson.read(p)));
        }
        List<Tracking> result = new Tracker(sources).track(TargetFiles.read(targets));
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(dir.work().resolve("tracking.json"),
                    json.writeValueAsString(Map.of("targets", result)) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.work().resolve("tracking.csv"), csv(result), StandardCharsets.UTF_8);
            dir.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print(spec.commandLine().getOut(), result);
        return ExitCodes.OK;
    }

    static String csv(List<Tracking> result) throws IOException {
        CsvTables.Table t = new CsvTables.Table("target", "metric", "where", "unit", "goal", "baseline_year",
                "baseline_value", "period", "year", "observed", "path", "on_path", "target_year", "goal_value",
                "projected_at_target_year", "status", "gap");
        for (Tracking k : result) {
            rows(t, k);
            if (k.byLandType() != null) {
                k.byLandType().values().forEach(sub -> rows(t, sub));
            }
        }
        return t.toCsv();
    }

    private static void rows(CsvTables.Table t, Tracking k) {
        Double projected = k.projection() == null ? null : k.projection().valueAtTargetYear();
        if (k.observations().isEmpty()) {
            t.add(k.id(), k.metric(), k.where(), k.unit(), k.goal(), k.baseline().year(), k.baseline().value(), null,
                    null, null, null, null, k.targetYear(), k.goalValue(), projected, k.status(), k.gap());
        }
        for (Tracking.Observation o : k.observations()) {
            t.add(k.id(), k.metric(), k.where(), k.unit(), k.goal(), k.baseline().year(), k.baseline().value(),
                    o.period(), o.year(), o.value(), o.pathValue(), o.onPath(), k.targetYear(), k.goalValue(),
                    projected, k.status(), k.gap());
        }
    }

    private void print(PrintWriter o, List<Tracking> result) {
        o.printf(Locale.ROOT, "%-18s %-16s %-22s %12s %12s %12s  %s%n", "target", "metric", "where", "latest",
                "projected", "goal", "status (gap)");
        for (Tracking k : result) {
            String latest = k.observations().isEmpty() ? "-"
                    : fmt(k.observations().get(k.observations().size() - 1).value());
            String proj = k.projection() == null ? "-" : fmt(k.projection().valueAtTargetYear());
            o.printf(Locale.ROOT, "%-18s %-16s %-22s %12s %12s %12s  %s (%s %s)%n", k.id(), k.metric(), k.where(), latest,
                    proj, fmt(k.goalValue()), k.status(), fmt(k.gap()), k.unit());
        }
        o.println("outputs: " + out.toAbsolutePath().normalize());
        o.flush();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e6 ? "%.4g" : "%.2f", v);
    }
}
