package org.ldn.geodata.geotiff;

/** A strip or tile whose compressed bytes do not decode to its pixels; the caller adds the file and block names. */
final class CorruptBlockException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptBlockException(String message) {
        super(message);
    }
}
