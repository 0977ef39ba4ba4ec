package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.ldn.core.raster.RasterReadException;

/**
 * The first image file directory (IFD) of a classic TIFF or BigTIFF file, in either byte order: its entries, with
 * values read on demand. Every count and offset is checked against the file size before anything is allocated,
 * so a corrupt file gives a {@link RasterReadException} naming the file, never a huge allocation. Immutable.
 */
final class TiffDirectory {
    /** Largest number of IFD entries accepted (real files have a few dozen). */
    private static final long MAX_ENTRIES = 4096;

    private record Entry(int tag, int type, long count, long valuePosition) {
    }

    private final TiffChannel file;
    private final ByteOrder order;
    private final boolean bigTiff;
    private final Map<Integer, Entry> entries;

    private TiffDirectory(TiffChannel file, ByteOrder order, boolean bigTiff, Map<Integer, Entry> entries) {
        this.file = file;
        this.order = order;
        this.bigTiff = bigTiff;
        this.entries = entries;
    }

    /** Parses the header and the first IFD of {@code file}. */
    static TiffDirectory read(TiffChannel file) {
        String name = file.name();
        if (file.size() < 8) {
            throw new RasterReadException(name + ": not a TIFF file: only " + file.size() + " bytes (re-create the file)");
        }
        byte[] head = new byte[16];
        file.read(0, head, (int) Math.min(16, file.size()), "TIFF header");
        ByteOrder order;
        if (head[0] == 'I' && head[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (head[0] == 'M' && head[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new RasterReadException(name + ": not a TIFF file (no II/MM byte-order mark) (give a GeoTIFF file)");
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(order);
        int magic = Short.toUnsignedInt(h.getShort(2));
        long ifd;
        boolean big;
        if (magic == 42) {
            big = false;
            ifd = Integer.toUnsignedLong(h.getInt(4));
        } else if (magic == 43) {
            if (file.size() < 16 || h.getShort(4) != 8 || h.getShort(6) != 0) {
                throw new RasterReadException(name + ": corrupt BigTIFF header (re-create the file)");
            }
            big = true;
            ifd = h.getLong(8);
        } else {
            throw new RasterReadException(name + ": not a TIFF file (version " + magic + ") (give a GeoTIFF file)");
        }
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        byte[] countBytes = new byte[8];
        file.read(ifd, countBytes, countSize, "first IFD");
        ByteBuffer cb = ByteBuffer.wrap(countBytes).order(order);
        long n = big ? cb.getLong(0) : Short.toUnsignedInt(cb.getShort(0));
        if (n <= 0 || n > MAX_ENTRIES) {
            throw new RasterReadException(name + ": corrupt IFD with " + n + " entries (re-create the file)");
        }
        byte[] raw = new byte[(int) n * entrySize];
        file.read(ifd + countSize, raw, raw.length, "first IFD");
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int at = i * entrySize;
            int tag = Short.toUnsignedInt(b.getShort(at));
            int type = Short.toUnsignedInt(b.getShort(at + 2));
            long count = big ? b.getLong(at + 4) : Integer.toUnsignedLong(b.getInt(at + 4));
            int size = TiffTag.typeSize(type);
            if (size == 0) {
                continue; // unknown field types are skipped, as the TIFF specification asks
            }
            if (count < 0 || count > file.size()) {
                throw new RasterReadException(name + ": corrupt IFD entry for tag " + tag + " (count " + count
                        + ") (re-create the file)");
            }
            long bytes = count * size;
            int inline = big ? 8 : 4;
            int field = at + (big ? 12 : 8);
            long position = bytes <= inline ? ifd + countSize + field
                    : big ? b.getLong(field) : Integer.toUnsignedLong(b.getInt(field));
            if (position < 0 || position > file.size() || bytes > file.size() - position) {
                throw new RasterReadException(name + ": corrupt IFD: values of tag " + tag
                        + " lie beyond the end of the file (re-create the file)");
            }
            entries.putIfAbsent(tag, new Entry(tag, type, count, position));
        }
        return new TiffDirectory(file, order, big, Map.copyOf(entries));
    }

    ByteOrder order() {
        return order;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** Number of values of {@code tag}, 0 when absent. */
    long count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count;
    }

    /** The first value of an integer tag, or {@code dflt} when the tag is absent. */
    long scalar(int tag, long dflt) {
        long[] v = longs(tag);
        return v == null || v.length == 0 ? dflt : v[0];
    }

    /** All values of an integer tag (BYTE, SHORT, LONG, LONG8 and their signed forms), or null when absent. */
    long[] longs(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer b = values(e);
        long[] out = new long[(int) e.count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type) {
                case TiffTag.TYPE_BYTE, TiffTag.TYPE_UNDEFINED -> Byte.toUnsignedLong(b.get());
                case TiffTag.TYPE_SBYTE -> b.get();
                case TiffTag.TYPE_SHORT -> Short.toUnsignedLong(b.getShort());
                case TiffTag.TYPE_SSHORT -> b.getShort();
                case TiffTag.TYPE_LONG, TiffTag.TYPE_IFD -> Integer.toUnsignedLong(b.getInt());
                case TiffTag.TYPE_SLONG -> b.getInt();
                case TiffTag.TYPE_LONG8, TiffTag.TYPE_SLONG8, TiffTag.TYPE_IFD8 -> b.getLong();
                default -> throw new RasterReadException(file.name() + ": tag " + tag + " has field type " + e.type
                        + " where an integer is expected (re-create the file)");
            };
        }
        return out;
    }

    /** All values of a numeric tag as doubles, or null when absent. */
    double[] doubles(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.type != TiffTag.TYPE_DOUBLE && e.type != TiffTag.TYPE_FLOAT && e.type != TiffTag.TYPE_RATIONAL
                && e.type != TiffTag.TYPE_SRATIONAL) {
            long[] l = longs(tag);
            double[] d = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                d[i] = l[i];
            }
            return d;
        }
        ByteBuffer b = values(e);
        double[] out = new double[(int) e.count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type) {
                case TiffTag.TYPE_DOUBLE -> b.getDouble();
                case TiffTag.TYPE_FLOAT -> b.getFloat();
                case TiffTag.TYPE_RATIONAL -> Integer.toUnsignedLong(b.getInt()) / (double) Integer.toUnsignedLong(b.getInt());
                default -> b.getInt() / (double) b.getInt();
            };
        }
        return out;
    }

    /** An ASCII tag up to its first NUL, or null when absent. */
    String ascii(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer b = values(e);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private ByteBuffer values(Entry e) {
        long bytes = e.count * TiffTag.typeSize(e.type);
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new RasterReadException(file.name() + ": tag " + e.tag + " has too many values (" + e.count + ")");
        }
        byte[] raw = new byte[(int) bytes];
        file.read(e.valuePosition, raw, raw.length, "values of tag " + e.tag);
        return ByteBuffer.wrap(raw).order(order);
    }
}
