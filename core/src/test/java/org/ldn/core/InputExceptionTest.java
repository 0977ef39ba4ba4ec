package org.ldn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages stay on one line whatever a file puts into them, and quoted values stay short. */
class InputExceptionTest {
    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a.tif: nodata \"1\\n2\\r\\t\\u0000\\u2028\"",
                new InputException("a.tif: nodata \"1\n2\r\t\0\u2028\"").getMessage());
        assertEquals("plain text é ü", new InputException("plain text é ü").getMessage());
    }

    @Test
    void excerptsAreQuotedAndCut() {
        assertEquals("\"ten\"", Excerpt.of("ten"));
        assertEquals("\"" + "x".repeat(60) + "...\"", Excerpt.of("x".repeat(61)));
        assertEquals("null", Excerpt.of(null));
    }
}
