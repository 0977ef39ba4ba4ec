package org.ldn.core;

/**
 * A problem with the user's input (a file, a run file, a parameter). The message is for people: it names the file,
 * the problem and, where there is one, the fix, on one line. The command line prints it without a stack trace.
 * Messages are kept on one line by construction: line breaks and other control characters (which can come from the
 * content of a hostile or corrupt file) are replaced by their Java escapes ({@code \n}, {@code \u0000}).
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code text} with every control character (and Unicode line separator) written as an escape. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (!control) {
                if (sb != null) {
                    sb.append(c);
                }
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
