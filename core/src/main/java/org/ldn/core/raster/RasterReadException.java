package org.ldn.core.raster;

import org.ldn.core.InputException;

/** A raster could not be read correctly; the message names the file and the problem. */
public class RasterReadException extends InputException {
    private static final long serialVersionUID = 1L;

    public RasterReadException(String message) {
        super(message);
    }

    public RasterReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
