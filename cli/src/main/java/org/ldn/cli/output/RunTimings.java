package org.ldn.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.engine.StageClock;
import org.ldn.core.report.Report;

/**
 * The {@code --timings} file of {@code ldn run}: wall seconds of setup (reading the run file, opening inputs,
 * rasterizing zones) and of the run (tiles, report, tables), thread seconds per {@link StageClock.Stage}, and the
 * process's peak resident memory (Linux {@code VmHWM}; absent elsewhere).
 */
public final class RunTimings {
    private RunTimings() {
    }

    /** Parsed back by {@code ldn bench}. */
    public record Timings(double setupSeconds, double runSeconds, int threads, int tileSize, long pixels,
            Map<String, Double> stageThreadSeconds, Long peakRssBytes) {
    }

    public static void write(Path file, double setup, double run, int threads, int tileSize, Report.GridInfo grid) {
        long[] nanos = StageClock.snapshot();
        Map<String, Double> stages = new LinkedHashMap<>();
        for (StageClock.Stage s : StageClock.Stage.values()) {
            stages.put(s.name().toLowerCase(java.util.Locale.ROOT), nanos[s.ordinal()] / 1e9);
        }
        Timings t = new Timings(setup, run, threads, tileSize, (long) grid.width() * grid.height(), stages,
                peakRss());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), t);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the timings (" + e.getMessage() + ")");
        }
    }

    public static Timings read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Timings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak resident set size of this process in bytes (Linux), or {@code null}. */
    static Long peakRss() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return 1024 * Long.parseLong(l.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
