package org.ldn.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes small classic little-endian TIFF files byte by byte, with any tags (right or wrong) and any strip or tile
 * bytes, so that tests can make every kind of broken GeoTIFF without a TIFF library (which would refuse to write
 * them). Layout: the 8-byte header, the one image file directory (IFD) right after it, the tag values that do not fit
 * in their entry, then the strips or tiles in order. The strip or tile offsets and byte counts are filled in from
 * the blocks given to {@link #blocks}. Not thread-safe; a builder.
 */
public final class TinyTiff {
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int SAMPLE_FORMAT = 339;
    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GDAL_NODATA = 42113;

    static final int SHORT = 3;
    static final int LONG = 4;
    static final int ASCII = 2;
    static final int DOUBLE = 12;

    private record Entry(int type, long count, byte[] value) {
    }

    private final Map<Integer, Entry> entries = new TreeMap<>();
    private final List<byte[]> blocks = new ArrayList<>();
    private boolean tiled;
    private int shared;

    /** Sets tag {@code tag} to SHORT values. */
    public TinyTiff shorts(int tag, int... values) {
        ByteBuffer b = buffer(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        entries.put(tag, new Entry(SHORT, values.length, b.array()));
        return this;
    }

    /** Sets tag {@code tag} to LONG (unsigned 32-bit) values. */
    public TinyTiff longs(int tag, long... values) {
        ByteBuffer b = buffer(4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        entries.put(tag, new Entry(LONG, values.length, b.array()));
        return this;
    }

    public TinyTiff doubles(int tag, double... values) {
        ByteBuffer b = buffer(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        entries.put(tag, new Entry(DOUBLE, values.length, b.array()));
        return this;
    }

    /** Sets an ASCII tag (a NUL is appended). */
    public TinyTiff ascii(int tag, String text) {
        byte[] t = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        entries.put(tag, new Entry(ASCII, t.length, t));
        return this;
    }

    public TinyTiff remove(int tag) {
        entries.remove(tag);
        return this;
    }

    /**
     * The stored bytes of each strip (or tile, when {@code tiled}); their offsets and byte counts are written as
     * StripOffsets/StripByteCounts (or TileOffsets/TileByteCounts) LONG tags.
     */
    public TinyTiff blocks(boolean tiled, byte[]... stored) {
        this.tiled = tiled;
        blocks.clear();
        blocks.addAll(List.of(stored));
        return this;
    }

    /**
     * {@code count} strips or tiles that all point to one copy of {@code stored}, as a decompression bomb does
     * (a few bytes decoded again and again).
     */
    public TinyTiff sharedBlocks(boolean tiled, int count, byte[] stored) {
        blocks(tiled, stored);
        shared = count;
        return this;
    }

    /** The file's bytes. */
    public byte[] bytes() {
        int offsetsTag = tiled ? TILE_OFFSETS : STRIP_OFFSETS;
        int countsTag = tiled ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS;
        int n = shared > 0 ? shared : blocks.size();
        long[] counts = new long[n];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = blocks.get(shared > 0 ? 0 : i).length;
        }
        longs(countsTag, counts);
        longs(offsetsTag, new long[n]); // placeholder of the right size, filled below
        int ifdBytes = 2 + 12 * entries.size() + 4;
        int valuesAt = 8 + ifdBytes;
        int valueBytes = 0;
        for (Entry e : entries.values()) {
            if (e.value().length > 4) {
                valueBytes += e.value().length + (e.value().length & 1);
            }
        }
        long blockAt = valuesAt + valueBytes;
        long[] offsets = new long[n];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = blockAt;
            blockAt += shared > 0 ? 0 : blocks.get(i).length;
        }
        longs(offsetsTag, offsets);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = buffer(8);
        head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        out.writeBytes(head.array());
        ByteBuffer ifd = buffer(ifdBytes);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ifd.putShort((short) entries.size());
        for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            ifd.putShort((short) (int) me.getKey()).putShort((short) e.type()).putInt((int) e.count());
            if (e.value().length <= 4) {
                ifd.put(e.value()).put(new byte[4 - e.value().length]);
            } else {
                ifd.putInt(valuesAt + values.size());
                values.writeBytes(e.value());
                if ((e.value().length & 1) != 0) {
                    values.write(0);
                }
            }
        }
        ifd.putInt(0);
        out.writeBytes(ifd.array());
        out.writeBytes(values.toByteArray());
        blocks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Overwrites value {@code index} of LONG tag {@code tag} in the TIFF bytes {@code tiff} made by {@link #bytes}
     * (in its entry when it fits, else where the entry points), to make offsets point anywhere.
     */
    public static byte[] patchLong(byte[] tiff, int tag, int index, long value) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int n = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < n; i++) {
            int at = ifd + 2 + 12 * i;
            if (Short.toUnsignedInt(b.getShort(at)) == tag) {
                long count = Integer.toUnsignedLong(b.getInt(at + 4));
                int values = count * 4 <= 4 ? at + 8 : b.getInt(at + 8);
                b.putInt(values + 4 * index, (int) value);
                return tiff;
            }
        }
        throw new IllegalArgumentException("no tag " + tag);
    }

    /** The zlib (DEFLATE, TIFF compression 8) stream of {@code raw}. */
    public static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
