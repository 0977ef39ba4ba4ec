package org.ldn.cli.document;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ldn.core.InputException;

/**
 * Prints the HTML document to PDF (A4; the page breaks are the style sheet's print rules) through a headless
 * Chromium or Chrome found on the PATH (or named by the environment variable {@code LDN_CHROMIUM}). A real browser
 * lays out the page exactly as people see it on screen, which no Java HTML renderer does for this CSS.
 */
public final class PdfPrinter {
    /** Executable names tried in order on the PATH. */
    static final String[] BROWSERS = {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
        "chrome"};
    private static final long TIMEOUT_SECONDS = 180;

    private PdfPrinter() {
    }

    /** The browser to print with, or null when none is installed. */
    public static Path browser() {
        String env = System.getenv("LDN_CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Prints {@code html} to {@code pdf}.
     *
     * @throws InputException when no browser is installed (saying what to install) or printing fails
     */
    public static Path print(Path html, Path pdf) {
        Path browser = browser();
        if (browser == null) {
            String env = System.getenv("LDN_CHROMIUM");
            String onPath = "none of " + String.join(", ", BROWSERS) + " is on the PATH";
            throw new InputException("--pdf: no headless browser found (" + (env != null && !env.isBlank()
                    ? "LDN_CHROMIUM=" + env + " is not an executable file, and " + onPath : onPath) + "): install"
                    + " Chromium (e.g. 'apt-get install chromium') or set LDN_CHROMIUM to a Chrome/Chromium"
                    + " executable; the HTML report was written to " + html);
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("ldn-chromium");
            Path tmp = pdf.toAbsolutePath().resolveSibling("." + pdf.getFileName() + ".tmp");
            List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + tmp,
                    html.toAbsolutePath().toUri().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException(pdf + ": " + browser + " did not print within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
                Files.deleteIfExists(tmp);
                throw new InputException(pdf + ": " + browser + " failed to print the report (exit code "
                        + p.exitValue() + ")");
            }
            Files.move(tmp, pdf, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pdf;
        } catch (IOException e) {
            throw new InputException(pdf + ": cannot print the report (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(pdf + ": interrupted while printing", e);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
