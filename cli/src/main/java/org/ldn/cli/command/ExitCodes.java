package org.ldn.cli.command;

/** The exit codes of the {@code ldn} command, one per kind of outcome. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Internal error: a bug; run again with --debug and report the stack trace. */
    public static final int INTERNAL = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** An input (run file, raster, boundaries, report) is missing, unreadable or inconsistent. */
    public static final int INPUT = 3;
    /** Validation found problems ({@code ldn validate}). */
    public static final int INVALID = 4;

    private ExitCodes() {
    }
}
