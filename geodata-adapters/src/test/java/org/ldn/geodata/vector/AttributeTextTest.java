package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as id text: plain decimals, except where the plain form would be absurdly long (found by fuzzing). */
class AttributeTextTest {
    @Test
    void numbersArePlainDecimals() {
        assertEquals("12", AttributeText.ofNumericText(" 12.000"));
        assertEquals("2.5", AttributeText.ofNumericText("2.50"));
        assertEquals("1200", AttributeText.ofNumericText("1.2e3"));
        assertEquals("0.00012", AttributeText.ofNumericText("1.2e-4"));
        assertEquals("0", AttributeText.ofNumericText("-0.0"));
    }

    @Test
    void hugeExponentsKeepTheirExponent() {
        assertEquals("1E+100000000", AttributeText.ofNumericText("1e100000000"));
        assertEquals("1E-999999999", AttributeText.ofNumericText("1e-999999999"));
        assertEquals("1" + "0".repeat(99), AttributeText.ofNumericText("1e99"), "100 digits");
        assertEquals("1E+100", AttributeText.ofNumericText("1e100"), "101 digits");
    }
}
