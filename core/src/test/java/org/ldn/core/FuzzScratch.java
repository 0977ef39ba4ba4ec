package org.ldn.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new folder for the scratch files a fuzz test rewrites for every input, in memory-backed /dev/shm when there is
 * one: truncating a file on a busy disk can take milliseconds, which would make fuzzing crawl. (The same as
 * geodata-adapters' FuzzFile; core's tests cannot depend on that module.)
 */
public final class FuzzScratch {
    private FuzzScratch() {
    }

    public static Path folder() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "ldn-fuzz")
                    : Files.createTempDirectory("ldn-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
