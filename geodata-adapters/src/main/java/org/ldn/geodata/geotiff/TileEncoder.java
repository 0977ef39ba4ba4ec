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

    private TileEncoder() {
    }

    /** The predictor the writer uses for {@code type}: 3 for floating point, 2 otherwise. */
    static int predictor(SampleType type) {
        return type.isFloatingPoint() ? 3 : 2;
    }

    /**
     * Returns the compressed tile; {@code raw} ({@code size × size} samples, little-endian) is overwritten.
     */
    static byte[] encode(byte[] raw, int size, SampleType type, int level) {
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
                short[] s = new short[size * size];
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                b.asShortBuffer().get(s);
                for (int r = 0; r < size; r++) {
                    int base = r * size;
                    for (int i = base + size - 1; i > base; i--) {
                        s[i] -= s[i - 1];
                    }
                }
                b.asShortBuffer().put(s);
            }
            default -> floatingPoint(raw, size);
        }
        return deflate(raw, level);
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

    private static byte[] deflate(byte[] raw, int level) {
        Deflater d = DEFLATER.get();
        d.reset();
        d.setLevel(level);
        d.setInput(raw);
        d.finish();
        byte[] out = new byte[raw.length + raw.length / 8 + 64];
        int n = 0;
        while (!d.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += d.deflate(out, n, out.length - n);
        }
        d.reset();
        return Arrays.copyOf(out, n);
    }
}
