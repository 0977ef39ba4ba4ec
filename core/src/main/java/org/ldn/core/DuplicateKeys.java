package org.ldn.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duplicate keys in the JSON and YAML files the engine reads are errors: both formats let the last of two equal
 * keys win silently ({@code maps: {2000: a.tif, 2000: b.tif}} would run on b.tif), which gives a plausible wrong
 * figure. Jackson detects them while parsing ({@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}); this class
 * turns its exception into one line naming the key and the line.
 */
public final class DuplicateKeys {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'",
            Pattern.DOTALL);

    private DuplicateKeys() {
    }

    /** Makes {@code mapper} fail on a duplicate key, in data-bound values and trees alike; returns it. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        return mapper;
    }

    /** A parse that may throw Jackson's exceptions. */
    public interface Parse<T> {
        T parse() throws java.io.IOException;
    }

    /**
     * Runs {@code parse} of {@code file}; a duplicate key becomes an InputException naming the file, the key and the
     * line, any other exception passes unchanged.
     */
    public static <T> T read(java.nio.file.Path file, Parse<T> parse) throws java.io.IOException {
        try {
            return parse.parse();
        } catch (JsonProcessingException e) {
            String dup = describe(e);
            if (dup != null) {
                throw new InputException(file + ": " + dup);
            }
            throw e;
        }
    }

    /**
     * {@code "duplicate key \"2000\" (line 4): only one value per key is allowed (the last would silently win)"} when
     * {@code e} (or its cause) reports a duplicate key, else null.
     */
    public static String describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
                Matcher m = DUPLICATE.matcher(j.getOriginalMessage());
                if (m.find()) {
                    JsonLocation l = j.getLocation();
                    String line = l != null && l.getLineNr() > 0 ? " (line " + l.getLineNr() + ")" : "";
                    return "duplicate key " + Excerpt.of(m.group(1)) + line
                            + ": a key may appear only once in a mapping (remove one; the last would silently win)";
                }
            }
        }
        return null;
    }
}
