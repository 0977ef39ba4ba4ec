package org.ldn.cli;

import org.ldn.cli.run.Digests;
import org.ldn.cli.output.OutputDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExitCodes;

/**
 * Outputs are never half-written: {@code ldn run} on the bundled example, started as a separate JVM, is killed
 * ({@link Process#destroyForcibly}, SIGKILL) at several moments: after fixed delays, and as soon as the temporary
 * folder, the first map being written, and the report appear in it. After each kill the output folder must hold one
 * complete output (every file its manifest lists, with that size and SHA-256, and nothing else), either the
 * previous one or, when the run had finished, the new one; stray hidden {@code .out.partial-*} folders may remain,
 * and the next run must remove them and succeed.
 */
class KilledRunTest {
    @TempDir
    Path tmp;

    private Path out;

    @Test
    void aKilledRunLeavesThePreviousCompleteOutputsAndARerunSucceeds() throws Exception {
        out = tmp.resolve("out");
        CliRunner first = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        String previous = createdAt();
        assertComplete();

        List<String> outcomes = new ArrayList<>();
        for (long ms : new long[] {500, 2000, 4000}) {
            outcomes.add(killAfter(ms, p -> false));
        }
        outcomes.add(killAfter(30_000, p -> p.getFileName().toString().startsWith(".out.partial-")));
        outcomes.add(killAfter(30_000, p -> p.toString().contains(".out.partial-") && p.toString().endsWith(".part")));
        outcomes.add(killAfter(30_000, p -> p.toString().contains(".out.partial-")
                && p.getFileName().toString().equals("report.json")));
        for (String o : outcomes) {
            assertTrue(o.equals("previous") || o.equals("new"), outcomes.toString());
        }
        assertTrue(outcomes.subList(0, 2).contains("previous"), "the early kills hit a running run: " + outcomes);
        assertEquals("previous", outcomes.get(3), "killed as its temporary folder appeared: " + outcomes);

        CliRunner rerun = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.err());
        assertComplete();
        assertFalse(createdAt().isEmpty());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("out"), s.map(p -> p.getFileName().toString()).toList(), "leftovers removed");
        }
        assertFalse(previous.isEmpty());
    }

    /**
     * Starts {@code ldn run} in a new JVM and kills it after {@code ms} milliseconds, or as soon as a path below the
     * temporary folder matches {@code when}; returns whether the output folder then holds the previous or a new
     * complete output.
     */
    private String killAfter(long ms, Predicate<Path> when) throws Exception {
        String before = createdAt();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.ldn.cli.Ldn",
                "run", ExampleRunTest.EXAMPLE.toString(), "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end && p.isAlive() && !seen(when)) {
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        Files.deleteIfExists(tmp.resolve("log.txt"));
        if (!Files.exists(out)) {
            // killed between the two renames of the commit: what the next run does first puts the outputs back
            try (OutputDirectory next = OutputDirectory.create(out)) {
                assertTrue(Files.isDirectory(out), "the previous outputs are put back");
            }
        }
        assertComplete();
        return createdAt().equals(before) ? "previous" : "new";
    }

    private boolean seen(Predicate<Path> when) throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.anyMatch(when);
        } catch (IOException | RuntimeException e) {
            return false; // a file vanished while the folder was walked: look again
        }
    }

    private String createdAt() throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("createdAt").asText();
    }

    /** Every file the manifest lists is there with its size and SHA-256, and there is no other file. */
    private void assertComplete() throws IOException {
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")), "the outputs are there");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        Set<String> listed = new TreeSet<>();
        for (JsonNode o : manifest.get("outputs")) {
            Path f = out.resolve(o.get("path").asText());
            listed.add(o.get("path").asText());
            assertEquals(o.get("bytes").asLong(), Files.size(f), f.toString());
            assertEquals(o.get("sha256").asText(), Digests.sha256(f), f.toString());
        }
        listed.add("manifest.json");
        Set<String> present = new TreeSet<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(f -> present.add(out.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(listed, present);
        assertTrue(listed.contains("report.json"));
    }
}
