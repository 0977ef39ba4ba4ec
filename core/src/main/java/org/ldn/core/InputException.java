package org.ldn.core;

/**
 * A problem with the user's input (a file, a run file, a parameter). The message is for people: it names the file,
 * the problem and, where there is one, the fix, on one line. The command line prints it without a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
