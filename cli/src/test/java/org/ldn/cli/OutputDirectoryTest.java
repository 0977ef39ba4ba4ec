package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.cli.output.OutputDirectory;

/** The states a killed run can leave, and what the next run makes of them. */
class OutputDirectoryTest {
    @TempDir
    Path tmp;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outputsHiddenBetweenTheTwoRenamesArePutBack() throws Exception {
        Path previous = Files.createDirectories(tmp.resolve(".out.previous-123"));
        Files.writeString(previous.resolve("manifest.json"), "{}");
        Files.createDirectories(tmp.resolve(".out.partial-456")).resolve("report.json").toFile().createNewFile();
        Path out = tmp.resolve("out");
        try (OutputDirectory d = OutputDirectory.create(out)) {
            assertEquals("{}", Files.readString(out.resolve("manifest.json")));
            assertEquals(List.of(d.work().getFileName().toString(), "out"), names());
        }
        assertEquals(List.of("out"), names(), "closed without commit: the new temporary folder is removed");
    }

    @Test
    void aCommitReplacesThePreviousOutputs() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "old");
        try (OutputDirectory d = OutputDirectory.create(out)) {
            Files.writeString(d.work().resolve("manifest.json"), "new");
            d.commit();
        }
        assertEquals("new", Files.readString(out.resolve("manifest.json")));
        assertEquals(List.of("out"), names());
    }

    @Test
    void aFolderThatHoldsOtherFilesIsNeverReplaced() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(out.resolve("thesis.docx"), "years of work");
        InputException e = assertThrows(InputException.class, () -> OutputDirectory.create(out));
        assertEquals(out + ": the folder exists and does not hold the outputs of an earlier run (no manifest.json),"
                + " so it is not replaced (choose another --out, or empty it)", e.getMessage());
        assertEquals("years of work", Files.readString(out.resolve("thesis.docx")));
        assertFalse(names().stream().anyMatch(n -> n.startsWith(".")));
    }
}
