package org.ldn.geodata.geotiff;

/** PackBits (Macintosh run-length) decoding, as TIFF compression 32773 defines it; 20 lines need no library. */
final class PackBits {
    private PackBits() {
    }

    /** Decodes {@code in[0..inLength)} into exactly {@code out[0..outLength)}. */
    static void decode(byte[] in, int inLength, byte[] out, int outLength) throws CorruptBlockException {
        int ip = 0;
        int op = 0;
        while (op < outLength && ip < inLength) {
            int n = in[ip++];
            if (n >= 0) {
                int len = n + 1;
                if (ip + len > inLength) {
                    throw new CorruptBlockException("PackBits literal run past the end of the data");
                }
                int copy = Math.min(len, outLength - op);
                System.arraycopy(in, ip, out, op, copy);
                ip += len;
                op += copy;
            } else if (n != -128) {
                if (ip >= inLength) {
                    throw new CorruptBlockException("PackBits repeat run past the end of the data");
                }
                int len = Math.min(1 - n, outLength - op);
                java.util.Arrays.fill(out, op, op + len, in[ip++]);
                op += len;
            }
        }
        if (op < outLength) {
            throw new CorruptBlockException("PackBits data end after " + op + " of " + outLength + " bytes");
        }
    }
}
