package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.testdata.TinyRun;

/**
 * {@code ldn report --pdf} where no browser can be found: {@code LDN_CHROMIUM} names a missing file and the PATH is
 * an empty folder, in a JVM of its own (the environment of this one cannot be changed). One line saying what is
 * missing and what to install, exit code 3, the HTML written and no PDF, not even a partial one.
 */
class ReportPdfWithoutBrowserTest {
    @Test
    void noBrowserIsOneClearLineAndNoPdf(@TempDir Path dir) throws Exception {
        TinyRun.write(dir);
        Path out = dir.resolve("out");
        CliRunner run = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path emptyPath = Files.createDirectory(dir.resolve("bin"));
        Path missing = dir.resolve("no-such-chromium");
        Path docs = Files.createDirectory(dir.resolve("docs"));
        Path html = docs.resolve("tiny.html");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.ldn.cli.Ldn",
                "report", out.toString(), "--out", html.toString(), "--pdf");
        pb.environment().put("PATH", emptyPath.toString());
        pb.environment().put("LDN_CHROMIUM", missing.toString());
        pb.redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ldn report finishes");
        // the test classpath carries SLF4J (for test-only libraries) without a provider: its notice is not ours
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("SLF4J(")).collect(Collectors.joining("\n")).strip();
        assertEquals(3, p.exitValue(), err);
        assertEquals("ldn: --pdf: no headless browser found (LDN_CHROMIUM=" + missing + " is not an executable file,"
                + " and none of chromium, chromium-browser, google-chrome, google-chrome-stable, chrome is on the PATH):"
                + " install Chromium (e.g. 'apt-get install chromium') or set LDN_CHROMIUM to a Chrome/Chromium"
                + " executable; the HTML report was written to " + html, err);
        assertTrue(Files.isRegularFile(html), "the HTML report is written");
        try (Stream<Path> files = Files.list(docs)) {
            assertEquals(List.of("tiny.html"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no PDF, no temporary file beside the HTML");
        }
    }
}
