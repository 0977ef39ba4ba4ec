package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one scratch file a fuzz test rewrites for every input, alone in a new folder (in memory-backed /dev/shm when
 * there is one), so that readers that look for sibling files list a small folder.
 */
public final class FuzzFile {
    private FuzzFile() {
    }

    public static Path create(String prefix, String suffix) {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "ldn-fuzz")
                    : Files.createTempDirectory("ldn-fuzz");
            dir.toFile().deleteOnExit();
            return dir.resolve(prefix + suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
