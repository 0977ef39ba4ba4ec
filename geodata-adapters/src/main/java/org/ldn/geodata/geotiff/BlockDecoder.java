package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import org.ldn.core.raster.RasterReadException;

/**
 * Reads one strip or tile from the file and decodes it: decompression, predictor, byte order. Pixel decoding is
 * our own code rather than Apache SIS's or NGA tiff's: SIS 1.6 returns wrong values for floats with predictor 2 and
 * rejects predictor 3, and NGA tiff loads whole files into memory and loops forever on corrupt DEFLATE data.
 * Thread-safe: every call works on its own buffers, or on its thread's.
 */
final class BlockDecoder {
    private final TiffLayout layout;
    private final TiffChannel file;

    BlockDecoder(TiffLayout layout, TiffChannel file) {
        this.layout = layout;
        this.file = file;
    }

    /**
     * Each thread's buffers for blocks that are consumed before the thread decodes another (blocks read whole, never
     * cached): reused from block to block, so reading allocates nothing per block. Arrays may be longer than a block.
     */
    private static final class Scratch {
        byte[] in = new byte[0];
        byte[] out = new byte[0];
        short[] shorts = new short[0];
        int[] ints = new int[0];
        long[] longs = new long[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Decodes block {@code index} (numbered as in the file) into arrays of its own. */
    Block decode(int index) {
        return decode(index, false);
    }

    /**
     * Decodes block {@code index}; with {@code transientUse}, into this thread's scratch arrays, valid until the
     * thread decodes its next block (the caller copies the samples out at once and never keeps the block).
     */
    Block decode(int index, boolean transientUse) {
        Scratch s = transientUse ? SCRATCH.get() : null;
        TiffLayout l = layout;
        int blockRow = (index % (l.blocksAcross() * l.blocksDown())) / l.blocksAcross();
        int rows = l.blockRows(blockRow);
        int expected = l.decodedBytes(blockRow);
        int stored = (int) Math.min(l.byteCounts()[index], Integer.MAX_VALUE - 8);
        String what = l.blockName(index);
        int inLength = l.compression() == TiffLayout.NONE ? expected : stored;
        byte[] in;
        if (s == null) {
            in = new byte[inLength];
        } else {
            if (s.in.length < inLength) {
                s.in = new byte[inLength];
            }
            in = s.in;
        }
        file.read(l.offsets()[index], in, inLength, what);
        byte[] raw;
        try {
            raw = decompress(in, stored, expected, s);
        } catch (CorruptBlockException e) {
            throw new RasterReadException(file.name() + ": corrupt " + what + ": " + e.getMessage()
                    + " (re-create the file)", e);
        }
        int spb = l.samplesInBlock();
        int rowSamples = l.blockWidth() * spb;
        int count = rows * rowSamples;
        Object samples = switch (l.bytesPerSample()) {
            case 1 -> raw;
            case 2 -> s == null ? new short[count] : (s.shorts = s.shorts.length < count ? new short[count] : s.shorts);
            case 4 -> s == null ? new int[count] : (s.ints = s.ints.length < count ? new int[count] : s.ints);
            default -> s == null ? new long[count] : (s.longs = s.longs.length < count ? new long[count] : s.longs);
        };
        if (l.predictor() == 3) {
            Predictors.undoFloatingPoint(raw, rows, rowSamples, spb, l.bytesPerSample(), samples);
        } else {
            ByteBuffer b = ByteBuffer.wrap(raw, 0, expected).order(l.order());
            toSamples(b, samples, count);
            if (l.predictor() == 2) {
                Predictors.undoHorizontal(samples, rows, rowSamples, spb);
            }
        }
        return new Block(samples, expected);
    }

    private byte[] decompress(byte[] in, int stored, int expected, Scratch s) throws CorruptBlockException {
        if (layout.compression() == TiffLayout.NONE) {
            return in;
        }
        byte[] out;
        if (s == null) {
            out = new byte[expected];
        } else {
            if (s.out.length < expected) {
                s.out = new byte[expected];
            }
            out = s.out;
        }
        switch (layout.compression()) {
            case TiffLayout.LZW -> Lzw.decode(in, stored, out, expected);
            case TiffLayout.PACKBITS -> PackBits.decode(in, stored, out, expected);
            default -> Inflate.decode(in, stored, out, expected);
        }
        return out;
    }

    private static void toSamples(ByteBuffer b, Object samples, int count) {
        if (samples instanceof short[] a) {
            b.asShortBuffer().get(a, 0, count);
        } else if (samples instanceof int[] a) {
            b.asIntBuffer().get(a, 0, count);
        } else if (samples instanceof long[] a) {
            b.asLongBuffer().get(a, 0, count);
        }
    }
}
