package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import org.ldn.core.raster.RasterReadException;

/**
 * Reads one strip or tile from the file and decodes it: decompression, predictor, byte order. Pixel decoding is
 * our own code rather than Apache SIS's or NGA tiff's: SIS 1.6 returns wrong values for floats with predictor 2 and
 * rejects predictor 3, and NGA tiff loads whole files into memory and loops forever on corrupt DEFLATE data.
 * Thread-safe: every call works on its own buffers.
 */
final class BlockDecoder {
    private final TiffLayout layout;
    private final TiffChannel file;

    BlockDecoder(TiffLayout layout, TiffChannel file) {
        this.layout = layout;
        this.file = file;
    }

    /** Decodes block {@code index} (numbered as in the file). */
    Block decode(int index) {
        TiffLayout l = layout;
        int blockRow = (index % (l.blocksAcross() * l.blocksDown())) / l.blocksAcross();
        int rows = l.blockRows(blockRow);
        int expected = l.decodedBytes(blockRow);
        int stored = (int) Math.min(l.byteCounts()[index], Integer.MAX_VALUE - 8);
        String what = l.blockName(index);
        byte[] in = new byte[l.compression() == TiffLayout.NONE ? expected : stored];
        file.read(l.offsets()[index], in, in.length, what);
        byte[] raw;
        try {
            raw = decompress(in, stored, expected);
        } catch (CorruptBlockException e) {
            throw new RasterReadException(file.name() + ": corrupt " + what + ": " + e.getMessage()
                    + " (re-create the file)", e);
        }
        int spb = l.samplesInBlock();
        int rowSamples = l.blockWidth() * spb;
        int count = rows * rowSamples;
        Object samples = switch (l.bytesPerSample()) {
            case 1 -> raw;
            case 2 -> new short[count];
            case 4 -> new int[count];
            default -> new long[count];
        };
        if (l.predictor() == 3) {
            Predictors.undoFloatingPoint(raw, rows, rowSamples, spb, l.bytesPerSample(), samples);
        } else {
            ByteBuffer b = ByteBuffer.wrap(raw, 0, expected).order(l.order());
            toSamples(b, samples);
            if (l.predictor() == 2) {
                Predictors.undoHorizontal(samples, rows, rowSamples, spb);
            }
        }
        return new Block(samples, expected);
    }

    private byte[] decompress(byte[] in, int stored, int expected) throws CorruptBlockException {
        switch (layout.compression()) {
            case TiffLayout.NONE:
                return in;
            case TiffLayout.LZW: {
                byte[] out = new byte[expected];
                Lzw.decode(in, stored, out, expected);
                return out;
            }
            case TiffLayout.PACKBITS: {
                byte[] out = new byte[expected];
                PackBits.decode(in, stored, out, expected);
                return out;
            }
            default: {
                byte[] out = new byte[expected];
                Inflate.decode(in, stored, out, expected);
                return out;
            }
        }
    }

    private static void toSamples(ByteBuffer b, Object samples) {
        if (samples instanceof short[] a) {
            b.asShortBuffer().get(a);
        } else if (samples instanceof int[] a) {
            b.asIntBuffer().get(a);
        } else if (samples instanceof long[] a) {
            b.asLongBuffer().get(a);
        }
    }
}
