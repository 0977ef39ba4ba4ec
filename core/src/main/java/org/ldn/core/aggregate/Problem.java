package org.ldn.core.aggregate;

/**
 * Something wrong in one of the reports to aggregate, found before anything is summed.
 *
 * @param source  the report file it was found in
 * @param message what is wrong, for people
 */
public record Problem(String source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
