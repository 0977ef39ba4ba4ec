package org.ldn.geodata.geotiff;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * DEFLATE (zlib) decoding of one strip or tile with {@link Inflater}, one reused instance per thread. Decoding
 * stops as soon as the expected bytes are out, and a stream that ends early or needs input it does not have is
 * reported as truncated, so a corrupt stream can neither loop nor grow without bound.
 */
final class Inflate {
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private Inflate() {
    }

    /** Decodes {@code in[0..inLength)} into exactly {@code out[0..outLength)}. */
    static void decode(byte[] in, int inLength, byte[] out, int outLength) throws CorruptBlockException {
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(in, 0, inLength);
        int pos = 0;
        try {
            while (pos < outLength) {
                int n = inflater.inflate(out, pos, outLength - pos);
                pos += n;
                if (n == 0) {
                    throw new CorruptBlockException(inflater.needsDictionary()
                            ? "DEFLATE data ask for a preset dictionary"
                            : "DEFLATE data end after " + pos + " of " + outLength + " bytes (truncated)");
                }
            }
        } catch (DataFormatException e) {
            throw new CorruptBlockException("corrupt DEFLATE data (" + e.getMessage() + ")");
        } finally {
            inflater.reset();
        }
    }
}
