package org.ldn.core.zone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs GDAL command-line tools for cross-checks in tests; only for fixtures, never used by the engine. */
final class GdalTools {
    private GdalTools() {
    }

    /** True when {@code tool --version} runs and exits with 0. */
    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code command} in {@code dir} and returns its standard output; fails the test on a non-zero exit. */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path err = dir.resolve("gdal-stderr.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + rc + ":\n" + out
                    + Files.readString(err));
        }
        return out;
    }
}
