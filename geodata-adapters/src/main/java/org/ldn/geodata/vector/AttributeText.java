package org.ldn.geodata.vector;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Renders attribute values as the text of zone ids and names, the same for every file format: strings as they
 * are, integral numbers without a decimal part ({@code 12.0 -> "12"}), other numbers in plain decimal notation
 * without trailing zeros ({@code 2.50 -> "2.5"}, no exponent unless the plain form would pass
 * {@value #MAX_PLAIN_DIGITS} digits).
 */
final class AttributeText {
    private AttributeText() {
    }

    /** The text of {@code value}, or {@code null} for a null value. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return ofNumber(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return ofDecimal(d);
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return value.toString();
        }
        return value.toString();
    }

    static String ofNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return ofDecimal(BigDecimal.valueOf(v));
    }

    /** Parses a number stored as text (DBF numeric fields) and renders it; other text is returned trimmed. */
    static String ofNumericText(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.chars().allMatch(c -> c == '*')) {
            return null; // blank, or the asterisks dBASE writes when a value overflows the field
        }
        try {
            return ofDecimal(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** Digits of a plain rendering at most; beyond, the exponent form is kept (1E+100000000 would need 10⁸ digits). */
    static final int MAX_PLAIN_DIGITS = 100;

    private static String ofDecimal(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal s = d.stripTrailingZeros();
        long digits = Math.max(s.precision() - (long) s.scale(), (long) s.scale());
        return digits > MAX_PLAIN_DIGITS ? s.toString() : s.toPlainString();
    }
}
