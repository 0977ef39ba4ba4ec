package org.ldn.geodata.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ldn.core.InputException;

/**
 * The attribute table of a Shapefile (dBASE III/IV {@code .dbf}): a header with the record count (bytes 4–7), the
 * header length (8–9) and the record length (10–11), 32-byte field descriptors up to a 0x0D byte, then fixed-width
 * records that start with a deletion flag. Text is decoded with the {@code .cpg} code page when there is one, else
 * with the language driver id in byte 29, else ISO-8859-1 (OGR's defaults). Numeric fields are returned as their
 * number rendered by {@link AttributeText}. Hand-written because no maintained DBF reader is on Maven Central.
 */
final class DbfTable {
    private final ByteBuffer buf;
    private final int recordCount;
    private final int headerLength;
    private final int recordLength;
    private final List<String> names = new ArrayList<>();
    private final List<Character> types = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Charset charset;

    private DbfTable(ByteBuffer buf, Charset charset, String file) {
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
        if (buf.capacity() < 32) {
            throw new InputException(file + ": the .dbf file is truncated (" + buf.capacity() + " bytes)");
        }
        this.recordCount = buf.getInt(4);
        this.headerLength = buf.getShort(8) & 0xFFFF;
        this.recordLength = buf.getShort(10) & 0xFFFF;
        this.charset = charset;
        int offset = 1;
        for (int p = 32; p + 32 <= Math.min(headerLength, buf.capacity()) && buf.get(p) != 0x0D; p += 32) {
            byte[] raw = new byte[11];
            buf.get(p, raw);
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            names.add(new String(raw, 0, end, charset).trim());
            types.add((char) (buf.get(p + 11) & 0xFF));
            int len = buf.get(p + 16) & 0xFF;
            offsets.add(offset);
            lengths.add(len);
            offset += len;
        }
        long needed = (long) headerLength + (long) recordCount * recordLength;
        if (recordCount < 0 || offset > recordLength || needed > buf.capacity()) {
            throw new InputException(file + ": the .dbf file is truncated or corrupt (" + recordCount + " records of "
                    + recordLength + " bytes declared, " + buf.capacity() + " bytes present)");
        }
    }

    /** Opens {@code dbf}, with the code page from {@code cpg} when that file exists. */
    static DbfTable open(Path dbf, Path cpg, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(dbf);
        Charset cs;
        if (Files.isRegularFile(cpg)) {
            cs = codePage(Files.readString(cpg, StandardCharsets.ISO_8859_1).trim(), file);
        } else {
            cs = bytes.length > 29 ? languageDriver(bytes[29] & 0xFF) : StandardCharsets.ISO_8859_1;
        }
        return new DbfTable(ByteBuffer.wrap(bytes), cs, file);
    }

    int recordCount() {
        return recordCount;
    }

    List<String> fieldNames() {
        return names;
    }

    boolean isDeleted(int record) {
        return buf.get(headerLength + record * recordLength) == '*';
    }

    /** The value of {@code field} in {@code record} as text, or {@code null} when blank. */
    String text(int record, int field) {
        byte[] raw = new byte[lengths.get(field)];
        buf.get(headerLength + record * recordLength + offsets.get(field), raw);
        char type = types.get(field);
        if (type == 'N' || type == 'F') {
            return AttributeText.ofNumericText(new String(raw, StandardCharsets.US_ASCII));
        }
        String s = new String(raw, charset);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return end == 0 ? null : s.substring(0, end);
    }

    /** The charset named in a {@code .cpg} file: "UTF-8", "88591", "1252", "ANSI 1251", "CP437", ... */
    static Charset codePage(String name, String file) {
        String n = name.toUpperCase(Locale.ROOT).replace("ANSI", "").replace(" ", "");
        try {
            if (n.matches("8859\\d{1,2}")) {
                return Charset.forName("ISO-8859-" + n.substring(4));
            }
            if (n.matches("125\\d")) {
                return Charset.forName("windows-" + n);
            }
            if (n.matches("\\d{3,4}") && !n.equals("65001")) {
                return Charset.forName("IBM" + n);
            }
            if (n.equals("65001") || n.equals("UTF8")) {
                return StandardCharsets.UTF_8;
            }
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InputException(file + ": unknown code page '" + name + "' in the .cpg file"
                    + " (write the encoding of the .dbf there, e.g. UTF-8 or 1252)", e);
        }
    }

    /** The charset of a dBASE language driver id; 0 and unknown ids mean ISO-8859-1, as OGR assumes. */
    static Charset languageDriver(int ldid) {
        String name = switch (ldid) {
            case 0x01 -> "IBM437";
            case 0x02 -> "IBM850";
            case 0x03, 0x58, 0x59 -> "windows-1252";
            case 0x64 -> "IBM852";
            case 0x65 -> "IBM866";
            case 0x13, 0x7B -> "Shift_JIS";
            case 0x4D, 0x7A -> "GBK";
            case 0x4E, 0x79 -> "x-windowed-949";
            case 0x4F, 0x78 -> "Big5";
            case 0xC8 -> "windows-1250";
            case 0xC9 -> "windows-1251";
            case 0xCA -> "windows-1254";
            case 0xCB -> "windows-1253";
            default -> "ISO-8859-1";
        };
        return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
    }
}
