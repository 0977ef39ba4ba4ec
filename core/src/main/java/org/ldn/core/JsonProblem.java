package org.ldn.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jackson parse error (JSON or YAML) in words for a one-line message: the first line of Jackson's text, a
 * broken safety limit said plainly ("nested deeper than 64 levels" rather than Jackson's name of the constraint),
 * and the line where it happened when Jackson knows it.
 */
public final class JsonProblem {
    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private JsonProblem() {
    }

    /** For example {@code "(line 3): Unexpected end-of-input in field name"}, without the file name. */
    public static String describe(JsonProcessingException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof StreamConstraintsException limit) {
                return line(limit) + ": " + text(limit); // a safety limit, wrapped by the data binding
            }
        }
        return line(e) + ": " + text(e);
    }

    private static String text(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "invalid content" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            Matcher lim = LIMIT.matcher(m);
            String max = lim.find() ? lim.group(2) : "?";
            if (m.contains("nesting depth")) {
                return "nested deeper than " + max + " levels";
            }
            if (m.contains("String value length")) {
                return "a text value longer than " + max + " characters";
            }
            if (m.contains("Number value length")) {
                return "a number longer than " + max + " digits";
            }
            return "too large (" + firstLine(m) + ")";
        }
        return firstLine(m);
    }

    private static String line(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l != null && l.getLineNr() > 0 ? " (line " + l.getLineNr() + ")" : "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
