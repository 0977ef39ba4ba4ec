package org.ldn.geodata.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small text files (the engine's caches) replaced whole, so a reader never sees half of one. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * Writes {@code text} (UTF-8) to a temporary file beside {@code file} (its folder created if missing) and moves it
     * over {@code file} atomically; the temporary file is removed whatever happens.
     */
    public static void replace(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
