package org.ldn.cli.command;

import java.io.PrintStream;
import java.util.Locale;
import org.ldn.core.engine.ProgressListener;

/**
 * A one-line progress bar on the terminal: stage, percentage, bar and an estimate of the time left, redrawn at
 * most every 200 ms. Quiet when the output is not a terminal (logs and CI stay clean). Thread-safe.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private String lastStage = "";
    private boolean drawn;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on standard error when it is a terminal, else silent. */
    static ProgressBar forTerminal(PrintStream err, boolean quiet) {
        return new ProgressBar(err, !quiet && System.console() != null);
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && stage.equals(lastStage) && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        lastStage = stage;
        double f = Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = f > 0.01 && f < 1 ? " ~" + duration(elapsed * (1 - f) / f) + " left" : "";
        out.printf(Locale.ROOT, "\r%-8s %3.0f%% [%s%s] %d/%d%s   ", stage, 100 * f, "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, eta);
        drawn = true;
        if (done >= total) {
            out.print("\n");
            drawn = false;
        }
        out.flush();
    }

    /** Ends the line if a bar is showing. */
    synchronized void finish() {
        if (enabled && drawn) {
            out.print("\n");
            drawn = false;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
