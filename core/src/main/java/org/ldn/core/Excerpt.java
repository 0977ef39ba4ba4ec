package org.ldn.core;

/**
 * Text taken from an input file for a message: in double quotes, at most {@link #MAX_CHARS} characters (longer text
 * is cut and ends in "..."), so that a hostile value cannot flood a message. Control characters are left to
 * {@link InputException}, which escapes them.
 */
public final class Excerpt {
    /** Characters of the value kept in a message. */
    public static final int MAX_CHARS = 60;

    private Excerpt() {
    }

    /** {@code "text"}, cut to {@link #MAX_CHARS} characters; {@code null} gives {@code null} without quotes. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        return '"' + (text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...") + '"';
    }
}
