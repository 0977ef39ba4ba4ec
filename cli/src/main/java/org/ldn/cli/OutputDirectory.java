package org.ldn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.ldn.core.InputException;

/**
 * A run's output folder, written under a temporary name beside its final one and moved into place only when the
 * run succeeded: a failed or killed run leaves the previous complete outputs (or none), never a half-written folder.
 * Leftover temporary folders of killed runs are removed by the next run.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path work;
    private boolean committed;

    private OutputDirectory(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    public static OutputDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            cleanLeftovers(parent, abs.getFileName().toString());
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new InputException(target + ": exists and is not a folder (choose another --out)");
            }
            Path work = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputDirectory(abs, work);
        } catch (IOException e) {
            throw new InputException(target + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
    }

    private static void cleanLeftovers(Path parent, String name) throws IOException {
        try (var s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String f = p.getFileName().toString();
                if (f.startsWith("." + name + ".partial-") || f.startsWith("." + name + ".previous-")) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Where files are written until {@link #commit()}. */
    public Path work() {
        return work;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished outputs into place, replacing the previous ones. */
    public void commit() {
        try {
            Path previous = null;
            if (Files.exists(target)) {
                previous = target.resolveSibling("." + target.getFileName() + ".previous-" + System.nanoTime());
                move(target, previous);
            }
            move(work, target);
            committed = true;
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the outputs into " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Discards the temporary folder unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(work);
            } catch (IOException e) {
                // best effort: the next run removes leftovers
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
