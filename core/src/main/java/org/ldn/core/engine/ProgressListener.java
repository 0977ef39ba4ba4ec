package org.ldn.core.engine;

/** Receives progress of a long run; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void progress(String stage, long done, long total);

    ProgressListener NONE = (s, d, t) -> { };
}
