package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.ldn.core.raster.SampleType;

/**
 * Encodes one square tile of little-endian samples for writing: horizontal differencing (predictor 2) for integer
 * samples or the floating-point predictor (3) for Float32, then DEFLATE: integer tiles at level 1 with
 * {@link RowDeflate} (class maps: runs and repeated rows; as fast as zlib's level 1 on noisy maps, faster and smaller
 * on smooth ones), everything else with zlib at the sink's level and one reused {@link Deflater} per thread. The
 * inverse of {@link BlockDecoder} for the types the writer produces.
 */
final class TileEncoder {
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);
    private static final ThreadLocal<RowDeflate> ROW_DEFLATE = ThreadLocal.withInitial(RowDeflate::new);
    /** Each thread's zlib output buffer, reused from tile to tile. */
    private static final ThreadLocal<byte[][]> OUT = ThreadLocal.withInitial(() -> new byte[1][0]);
    /**
     * Encoded tiles whose samples all have one value (nodata outside the zones, often a third of a country's
     * bounding box), by size, sample width, value and level: encoded once, then shared (callers only write them).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> UNIFORM =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_UNIFORM = 256;

    private TileEncoder() {
    }

    /** The predictor the writer uses for {@code type}: 3 for floating point, 2 otherwise. */
    static int predictor(SampleType type) {
        return type.isFloatingPoint() ? 3 : 2;
    }

    /**
     * Returns the compressed tile, from its buffer's position to its limit; {@code raw} (at least
     * {@code size × size} samples, little-endian; only those are encoded) is overwritten. The bytes are this thread's
     * encoder's (valid until the thread encodes again) or shared by every thread: callers write them at once and
     * never modify them.
     */
    static ByteBuffer encode(byte[] raw, int size, SampleType type, int level) {
        int bytes = size * size * type.bytes();
        if (uniform(raw, bytes, type.bytes())) {
            String key = uniformKey(size, type, Arrays.copyOf(raw, type.bytes()), level);
            byte[] z = UNIFORM.get(key);
            if (z == null) {
                ByteBuffer encoded = encodeAny(raw, size, type, level);
                z = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
                if (UNIFORM.size() < MAX_UNIFORM) {
                    UNIFORM.putIfAbsent(key, z);
                }
            }
            return ByteBuffer.wrap(z);
        }
        return encodeAny(raw, size, type, level);
    }

    /**
     * The encoding of a {@code size × size} Int16 tile whose samples all are {@code value}: the one {@link #encode}
     * shares, made (in {@code raw}, at least {@code size × size × 2} bytes, overwritten) only the first time.
     */
    static ByteBuffer encodeUniform(short value, byte[] raw, int size, int level) {
        byte[] first = {(byte) value, (byte) (value >> 8)};
        byte[] z = UNIFORM.get(uniformKey(size, SampleType.INT16, first, level));
        if (z != null) {
            return ByteBuffer.wrap(z);
        }
        int bytes = size * size * 2;
        for (int i = 0; i < bytes; i += 2) {
            raw[i] = first[0];
            raw[i + 1] = first[1];
        }
        return encode(raw, size, SampleType.INT16, level);
    }

    private static String uniformKey(int size, SampleType type, byte[] sample, int level) {
        return size + "/" + type + "/" + Arrays.toString(sample) + "/" + level;
    }

    /** True when the first {@code bytes} bytes repeat one sample of {@code width} bytes: equal to themselves shifted. */
    static boolean uniform(byte[] raw, int bytes, int width) {
        return bytes > width && Arrays.mismatch(raw, 0, bytes - width, raw, width, bytes) < 0;
    }

    private static ByteBuffer encodeAny(byte[] raw, int size, SampleType type, int level) {
        switch (type.bytes()) {
            case 1 -> {
                for (int r = 0; r < size; r++) {
                    int base = r * size;
                    for (int i = base + size - 1; i > base; i--) {
                        raw[i] -= raw[i - 1];
                    }
                }
            }
            case 2 -> {
                for (int r = 0; r < size; r++) {
                    int prev = 0;
                    for (int i = 2 * r * size, end = i + 2 * size; i < end; i += 2) {
                        int v = (raw[i] & 0xFF) | raw[i + 1] << 8;
                        int d = v - prev;
                        prev = v;
                        raw[i] = (byte) d;
                        raw[i + 1] = (byte) (d >> 8);
                    }
                }
            }
            default -> floatingPoint(raw, size);
        }
        return encodePredicted(raw, size, type, level);
    }

    /**
     * Compresses a tile whose samples already went through {@link #predictor} (a tile known not to be uniform):
     * what {@link #encode} does after the predictor, into this thread's buffer (valid until it encodes again).
     */
    static ByteBuffer encodePredicted(byte[] raw, int size, SampleType type, int level) {
        int length = size * size * type.bytes();
        if (level == 1 && !type.isFloatingPoint()) {
            RowDeflate d = ROW_DEFLATE.get();
            int n = d.compressInto(raw, length, size * type.bytes(), type.bytes());
            return ByteBuffer.wrap(d.output(), 0, n);
        }
        return deflate(raw, length, level);
    }

    /** Predictor 3 on 4-byte samples: byte planes, most significant first, then byte-wise differences per row. */
    private static void floatingPoint(byte[] raw, int size) {
        int[] bits = new int[size * size];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(bits);
        int rowBytes = size * 4;
        for (int r = 0; r < size; r++) {
            int base = r * rowBytes;
            int src = r * size;
            for (int x = 0; x < size; x++) {
                int v = bits[src + x];
                raw[base + x] = (byte) (v >>> 24);
                raw[base + size + x] = (byte) (v >>> 16);
                raw[base + 2 * size + x] = (byte) (v >>> 8);
                raw[base + 3 * size + x] = (byte) v;
            }
            for (int i = base + rowBytes - 1; i > base; i--) {
                raw[i] -= raw[i - 1];
            }
        }
    }

    private static ByteBuffer deflate(byte[] raw, int length, int level) {
        Deflater d = DEFLATER.get();
        d.reset();
        d.setLevel(level);
        d.setInput(raw, 0, length);
        d.finish();
        byte[][] holder = OUT.get();
        if (holder[0].length < length + length / 8 + 64) {
            holder[0] = new byte[length + length / 8 + 64];
        }
        byte[] out = holder[0];
        int n = 0;
        while (!d.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                holder[0] = out;
            }
            n += d.deflate(out, n, out.length - n);
        }
        d.reset();
        return ByteBuffer.wrap(out, 0, n);
    }
}
