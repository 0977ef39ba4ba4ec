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

    /** @param pool where the arrays of blocks to be kept come from, when it has some of the right size */
    BlockDecoder(TiffLayout layout, TiffChannel file, BlockCache pool) {
        this.layout = layout;
        this.file = file;
        this.kept = new Kept(pool, layout.bytesPerSample() == 1, layout.compression() == TiffLayout.NONE);
    }

    /** Where a block's arrays come from: new ones, which the block may keep (cached blocks). */
    private static class Buffers {
        byte[] in(int length) {
            return new byte[length];
        }

        byte[] out(int length) {
            return new byte[length];
        }

        /** Samples of 2, 4 or 8 bytes. */
        Object samples(int bytesPerSample, int count) {
            return switch (bytesPerSample) {
                case 2 -> new short[count];
                case 4 -> new int[count];
                default -> new long[count];
            };
        }
    }

    /**
     * Each thread's arrays for blocks that are consumed before the thread decodes another (blocks read whole, never
     * cached): reused from block to block, so reading allocates nothing per block. Arrays may be longer than a block.
     */
    private static final class Scratch extends Buffers {
        private byte[] in = new byte[0];
        private byte[] out = new byte[0];
        private short[] shorts = new short[0];
        private int[] ints = new int[0];
        private long[] longs = new long[0];

        @Override
        byte[] in(int length) {
            return in.length >= length ? in : (in = new byte[length]);
        }

        @Override
        byte[] out(int length) {
            return out.length >= length ? out : (out = new byte[length]);
        }

        @Override
        Object samples(int bytesPerSample, int count) {
            return switch (bytesPerSample) {
                case 2 -> shorts.length >= count ? shorts : (shorts = new short[count]);
                case 4 -> ints.length >= count ? ints : (ints = new int[count]);
                default -> longs.length >= count ? longs : (longs = new long[count]);
            };
        }
    }

    /**
     * Arrays for blocks that are kept (cached): the arrays the block holds come from the cache's pool of arrays no
     * block uses any more, or are new. The compressed bytes, and the decompressed ones when they are converted to
     * samples of two bytes or more, go through the thread's scratch, as they are not needed once the block is decoded.
     */
    private static final class Kept extends Buffers {
        private final BlockCache pool;
        /** Samples of one byte: the decompressed bytes (the stored ones, uncompressed) are the block's samples. */
        private final boolean bytesAreSamples;
        private final boolean uncompressed;

        Kept(BlockCache pool, boolean bytesAreSamples, boolean uncompressed) {
            this.pool = pool;
            this.bytesAreSamples = bytesAreSamples;
            this.uncompressed = uncompressed;
        }

        @Override
        byte[] in(int length) {
            return bytesAreSamples && uncompressed ? bytes(length) : SCRATCH.get().in(length);
        }

        @Override
        byte[] out(int length) {
            return bytesAreSamples ? bytes(length) : SCRATCH.get().out(length);
        }

        @Override
        Object samples(int bytesPerSample, int count) {
            Object a = pool.take(bytesPerSample, count);
            return a != null ? a : super.samples(bytesPerSample, count);
        }

        private byte[] bytes(int length) {
            Object a = pool.take(1, length);
            return a != null ? (byte[]) a : new byte[length];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The arrays for this file's blocks that are kept. */
    private final Buffers kept;

    /** Decodes block {@code index} (numbered as in the file) into arrays of its own. */
    Block decode(int index) {
        return decode(index, false);
    }

    /**
     * Decodes block {@code index}; with {@code transientUse}, into this thread's scratch arrays, valid until the
     * thread decodes its next block (the caller copies the samples out at once and never keeps the block).
     */
    Block decode(int index, boolean transientUse) {
        Buffers buffers = transientUse ? SCRATCH.get() : kept;
        TiffLayout l = layout;
        int blockRow = (index % (l.blocksAcross() * l.blocksDown())) / l.blocksAcross();
        int rows = l.blockRows(blockRow);
        int expected = l.decodedBytes(blockRow);
        int stored = (int) Math.min(l.byteCounts()[index], Integer.MAX_VALUE - 8);
        String what = l.blockName(index);
        int inLength = l.compression() == TiffLayout.NONE ? expected : stored;
        byte[] in = buffers.in(inLength);
        file.read(l.offsets()[index], in, inLength, what);
        byte[] raw;
        try {
            raw = decompress(in, stored, expected, buffers);
        } catch (CorruptBlockException e) {
            throw new RasterReadException(file.name() + ": corrupt " + what + ": " + e.getMessage()
                    + " (re-create the file)", e);
        }
        int spb = l.samplesInBlock();
        int rowSamples = l.blockWidth() * spb;
        int count = rows * rowSamples;
        Object samples = l.bytesPerSample() == 1 ? raw : buffers.samples(l.bytesPerSample(), count);
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

    private byte[] decompress(byte[] in, int stored, int expected, Buffers buffers) throws CorruptBlockException {
        if (layout.compression() == TiffLayout.NONE) {
            return in;
        }
        byte[] out = buffers.out(expected);
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
