package org.ldn.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.ldn.core.InputException;

/**
 * A run's output folder, written under a temporary name beside its final one and moved into place only when the
 * run succeeded: a failed or killed run leaves the previous complete outputs (or none), never a half-written folder.
 * Replacing takes two renames (the old folder aside to {@code .NAME.previous-*}, the new one into place); a run
 * killed between them leaves both complete folders hidden, and the next run puts the previous one back before it
 * starts. Leftover temporary folders of killed runs are removed by the next run. An existing folder is replaced only
 * when it holds the outputs of an earlier run (its {@code manifest.json}) or nothing, so a mistyped {@code --out}
 * never deletes other files.
 */
public final class OutputDirectory implements AutoCloseable {
    /** The file every complete output folder holds, written last before the folder is moved into place. */
    static final String MANIFEST = "manifest.json";

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
            cleanLeftovers(parent, abs.getFileName().toString(), abs);
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new InputException(target + ": exists and is not a folder (choose another --out)");
            }
            if (Files.isDirectory(abs) && !Files.isRegularFile(abs.resolve(MANIFEST)) && !isEmpty(abs)) {
                throw new InputException(target + ": the folder exists and does not hold the outputs of an earlier"
                        + " run (no " + MANIFEST + "), so it is not replaced (choose another --out, or empty it)");
            }
            Path work = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputDirectory(abs, work);
        } catch (IOException e) {
            throw new InputException(target + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Removes the temporary folders of killed runs; first, when the outputs are missing because a run was killed
     * between its two renames, puts the previous outputs back.
     */
    private static void cleanLeftovers(Path parent, String name, Path target) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (var s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String f = p.getFileName().toString();
                if (f.startsWith("." + name + ".partial-") || f.startsWith("." + name + ".previous-")) {
                    leftovers.add(p);
                }
            }
        }
        leftovers.sort(null);
        if (!Files.exists(target)) {
            for (Path p : leftovers) {
                if (p.getFileName().toString().startsWith("." + name + ".previous-")
                        && Files.isRegularFile(p.resolve(MANIFEST))) {
                    move(p, target);
                    leftovers.remove(p);
                    break;
                }
            }
        }
        for (Path p : leftovers) {
            deleteTree(p);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Where files are written until {@link #commit()}. */
    public Path work() {
        return work;
    }

    public Path target() {
        return target;
    }

    /**
     * Moves the finished outputs into place, replacing the previous ones; first writes a {@code manifest.json} when
     * the command wrote none, so that the next run of any command may replace its own folder.
     */
    public void commit() {
        try {
            OutputManifest.writeIfMissing(work);
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
            // a writer that has not yet stopped (a straggling task of a failed job) may add a file while the tree is
            // walked; a few tries outlast it, and the next run removes what still remains
            for (int attempt = 0; attempt < 5 && Files.exists(work); attempt++) {
                try {
                    deleteTree(work);
                } catch (IOException e) {
                    pause(50L << attempt);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
