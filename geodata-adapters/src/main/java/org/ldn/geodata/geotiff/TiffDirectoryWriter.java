package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a little-endian TIFF header and one IFD (classic or BigTIFF) with its out-of-line values, to be written at
 * a given file position. Entries are sorted by tag as TIFF requires; a tag set twice keeps its last value. Not thread-safe; used once per file.
 */
final class TiffDirectoryWriter {
    private record Entry(int tag, int type, long count, byte[] value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds an entry, replacing an earlier one of the same tag. */
    private void add(Entry e) {
        entries.removeIf(old -> old.tag == e.tag);
        entries.add(e);
    }

    void shorts(int tag, int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        add(new Entry(tag, TiffTag.TYPE_SHORT, values.length, b.array()));
    }

    void longs(int tag, long... values) {
        ByteBuffer b = le(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        add(new Entry(tag, TiffTag.TYPE_LONG, values.length, b.array()));
    }

    void long8s(int tag, long... values) {
        ByteBuffer b = le(values.length * 8);
        for (long v : values) {
            b.putLong(v);
        }
        add(new Entry(tag, TiffTag.TYPE_LONG8, values.length, b.array()));
    }

    void doubles(int tag, double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putDouble(v);
        }
        add(new Entry(tag, TiffTag.TYPE_DOUBLE, values.length, b.array()));
    }

    /** An ASCII value, NUL-terminated. */
    void ascii(int tag, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] v = new byte[t.length + 1];
        System.arraycopy(t, 0, v, 0, t.length);
        add(new Entry(tag, TiffTag.TYPE_ASCII, v.length, v));
    }

    /** Bytes of the IFD with its values, for a classic TIFF or a BigTIFF. */
    long size(boolean big) {
        long n = (big ? 16 : 6) + (long) entries.size() * (big ? 20 : 12);
        for (Entry e : entries) {
            if (e.value.length > (big ? 8 : 4)) {
                n += e.value.length + (e.value.length & 1);
            }
        }
        return n;
    }

    /** The IFD and its values, laid out to start at file position {@code at} (even). */
    byte[] ifd(long at, boolean big) {
        entries.sort(Comparator.comparingInt(Entry::tag));
        ByteBuffer b = le((int) size(big));
        int inline = big ? 8 : 4;
        long valuePos = at + (big ? 16 : 6) + (long) entries.size() * (big ? 20 : 12);
        ByteBuffer values = le((int) (size(big) - (valuePos - at)));
        if (big) {
            b.putLong(entries.size());
        } else {
            b.putShort((short) entries.size());
        }
        for (Entry e : entries) {
            b.putShort((short) e.tag).putShort((short) e.type);
            if (big) {
                b.putLong(e.count);
            } else {
                b.putInt((int) e.count);
            }
            if (e.value.length <= inline) {
                b.put(e.value);
                for (int i = e.value.length; i < inline; i++) {
                    b.put((byte) 0);
                }
            } else {
                long p = valuePos + values.position();
                if (big) {
                    b.putLong(p);
                } else {
                    b.putInt((int) p);
                }
                values.put(e.value);
                if ((e.value.length & 1) != 0) {
                    values.put((byte) 0);
                }
            }
        }
        if (big) {
            b.putLong(0);
        } else {
            b.putInt(0);
        }
        b.put(values.array());
        return b.array();
    }

    /** The file header pointing at an IFD at {@code ifdAt}: 8 bytes (classic) or 16 (BigTIFF). */
    static byte[] header(long ifdAt, boolean big) {
        ByteBuffer b = le(big ? 16 : 8);
        b.put((byte) 'I').put((byte) 'I');
        if (big) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdAt);
        } else {
            b.putShort((short) 42).putInt((int) ifdAt);
        }
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
