package org.ldn.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Inputs must be regular files: reading a named pipe (FIFO) blocks until some other process writes to it, which for
 * a mistyped path means forever, and a device or socket is no data file either. Every reader checks its file here
 * before opening it. A missing file or a folder passes (the reader's own message names those).
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * Throws an InputException naming {@code file} (as {@code label}) when it exists and is neither a regular file
     * nor a folder; symbolic links are followed.
     */
    public static void require(Path file, String label) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return; // missing or unreadable: the reader says so in its own words
        }
        if (a.isRegularFile() || a.isDirectory()) {
            return;
        }
        throw new InputException(label + ": not a regular file but " + kind(file)
                + ", which would be read forever or not at all (give the path of an ordinary file)");
    }

    /** As {@link #require(Path, String)} with the path as label. */
    public static void require(Path file) {
        require(file, file.toString());
    }

    /** "a named pipe (FIFO)", "a device", "a socket", from the Unix file mode when the platform gives it. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a named pipe (FIFO)";
                case 0020000:
                case 0060000:
                    return "a device";
                case 0140000:
                    return "a socket";
                default:
                    return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
