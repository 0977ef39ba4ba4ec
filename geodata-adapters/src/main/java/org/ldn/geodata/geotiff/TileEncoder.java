package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.ldn.core.raster.SampleType;

/**
 * Encodes one square tile of little-endian samples for writing: horizontal differencing (predictor 2) for integer
 * samples or the floating-point predictor (3) for Float32, then DEFLATE (zlib, at the sink's level) with one reused
 * {@link Deflater} per thread. The inverse of {@link BlockDecoder} for the types the writer produces.
 */
final class TileEncoder {
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);
    /** Each thread's output buffer, reused from tile to tile (only the compressed result is allocated). */
    private static final ThreadLocal<byte[][]> OUT = ThreadLocal.withInitial(() -> new byte[1][0]);
    private static final java.lang.invoke.VarHandle SHORTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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
     * Returns the compressed tile; {@code raw} (at least {@code size × size} samples, little-endian; only those are
     * encoded) is overwritten.
     */
    static byte[] encode(byte[] raw, int size, SampleType type, int level) {
        int bytes = size * size * type.bytes();
        if (uniform(raw, bytes, type.bytes())) {
            String key = size + "/" + type + "/" + (LONGS.get(raw, 0)) + "/" + level;
            byte[] z = UNIFORM.get(key);
            if (z == null) {
                z = encodeAny(raw, size, type, level);
                if (UNIFORM.size() < MAX_UNIFORM) {
                    UNIFORM.putIfAbsent(key, z);
                }
            }
            return z;
        }
        return encodeAny(raw, size, type, level);
    }

    /** True when the first {@code bytes} bytes repeat one sample of {@code width} bytes (1, 2 or 4). */
    static boolean uniform(byte[] raw, int bytes, int width) {
        if (bytes < 8 || bytes % 8 != 0) {
            return false;
        }
        long first = (long) LONGS.get(raw, 0);
        long pattern = switch (width) {
            case 1 -> (first & 0xFFL) * 0x0101_0101_0101_0101L;
            case 2 -> (first & 0xFFFFL) * 0x0001_0001_0001_0001L;
            default -> (first & 0xFFFF_FFFFL) * 0x1_0000_0001L;
        };
        for (int i = 0; i < bytes; i += 8) {
            if ((long) LONGS.get(raw, i) != pattern) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encodeAny(byte[] raw, int size, SampleType type, int level) {
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
                    int base = r * size;
                    for (int i = base + size - 1; i > base; i--) {
                        short d = (short) ((short) SHORTS.get(raw, 2 * i) - (short) SHORTS.get(raw, 2 * i - 2));
                        SHORTS.set(raw, 2 * i, d);
                    }
                }
            }
            default -> floatingPoint(raw, size);
        }
        return deflate(raw, size * size * type.bytes(), level);
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

    private static byte[] deflate(byte[] raw, int length, int level) {
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
        return Arrays.copyOf(out, n);
    }
}
