package org.ldn.geodata.geotiff;

/**
 * TIFF LZW decoder (codes of 9 to 12 bits, most significant bit first, with TIFF's "early change" of the code
 * width). Written here rather than taken from a library because none on Maven Central decodes TIFF's variant into a
 * caller's buffer with bounds checks. It stops once {@code outLength} bytes are decoded; every code is checked, and
 * each step consumes at least 9 input bits, so corrupt input ends in a {@link CorruptBlockException}, never a loop.
 */
final class Lzw {
    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE = 4096;

    private Lzw() {
    }

    /** Decodes {@code in[0..inLength)} into exactly {@code out[0..outLength)}. */
    static void decode(byte[] in, int inLength, byte[] out, int outLength) throws CorruptBlockException {
        if (inLength >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
            throw new CorruptBlockException("old-style (pre-TIFF 6) LZW is not supported");
        }
        int[] prefix = new int[TABLE];
        byte[] suffix = new byte[TABLE];
        byte[] first = new byte[TABLE];
        int[] length = new int[TABLE];
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        int bits = 9;
        int next = FIRST_FREE;
        int old = -1;
        int pos = 0;
        int ip = 0;
        long buffer = 0;
        int buffered = 0;
        while (pos < outLength) {
            while (buffered < bits && ip < inLength) {
                buffer = (buffer << 8) | (in[ip++] & 0xFF);
                buffered += 8;
            }
            if (buffered < bits) {
                break;
            }
            int code = (int) (buffer >>> (buffered - bits)) & ((1 << bits) - 1);
            buffered -= bits;
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                bits = 9;
                next = FIRST_FREE;
                old = -1;
                continue;
            }
            if (old < 0) {
                if (code > 255) {
                    throw new CorruptBlockException("LZW code " + code + " before any string was defined");
                }
                out[pos++] = (byte) code;
                old = code;
                continue;
            }
            int emitted;
            if (code < next) {
                emitted = code;
            } else if (code == next && next < TABLE) {
                emitted = -1;
            } else {
                throw new CorruptBlockException("bad LZW code " + code + " (next free code " + next + ")");
            }
            if (next < TABLE) {
                prefix[next] = old;
                suffix[next] = emitted >= 0 ? first[emitted] : first[old];
                first[next] = first[old];
                length[next] = length[old] + 1;
                if (emitted < 0) {
                    emitted = next;
                }
                next++;
                if (next > (1 << bits) - 2 && bits < 12) {
                    bits++;
                }
            }
            pos = emit(emitted, prefix, suffix, length, out, pos, outLength);
            old = code;
        }
        if (pos < outLength) {
            throw new CorruptBlockException("LZW data end after " + pos + " of " + outLength + " bytes");
        }
    }

    /** Writes the string of {@code code} at {@code pos} (clipped to {@code outLength}); returns the new position. */
    private static int emit(int code, int[] prefix, byte[] suffix, int[] length, byte[] out, int pos, int outLength) {
        int n = length[code];
        int c = code;
        for (int i = n - 1; i >= 0; i--) {
            if (pos + i < outLength) {
                out[pos + i] = suffix[c];
            }
            c = prefix[c];
        }
        return Math.min(pos + n, outLength);
    }
}
