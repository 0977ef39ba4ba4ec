package org.ldn.geodata.geotiff;

import java.nio.ByteOrder;
import org.ldn.core.raster.RasterReadException;
import org.ldn.core.raster.SampleType;

/**
 * How the pixels of a TIFF image are stored: size, sample type, compression, predictor, interleaving and the
 * strips or tiles ("blocks") with their file offsets. Built by {@link #of} only after every count, size and
 * offset was checked against the layout and the file size, and after anything this package cannot decode exactly
 * was rejected. Blocks are numbered as in the file: row-major, and for band-interleaved files (PlanarConfiguration
 * 2) all blocks of band 0 first. Strips are blocks as wide as the image; the last strip may have fewer rows.
 *
 * @param half       samples are 16-bit IEEE half floats (returned as {@link SampleType#FLOAT32}, as GDAL does)
 * @param planar     band-interleaved (each block holds one band) rather than pixel-interleaved
 * @param offsets    file offset of each block
 * @param byteCounts stored (compressed) bytes of each block
 */
record TiffLayout(int width, int height, int samplesPerPixel, SampleType sampleType, boolean half,
        int bytesPerSample, int compression, int predictor, boolean planar, boolean tiled, int blockWidth,
        int blockHeight, int blocksAcross, int blocksDown, long[] offsets, long[] byteCounts, ByteOrder order) {

    static final int NONE = 1;
    static final int LZW = 5;
    static final int DEFLATE = 8;
    static final int DEFLATE_OLD = 32946;
    static final int PACKBITS = 32773;

    /** Bound on decoded bytes per stored byte for each codec, used to reject absurd sizes before allocating. */
    private static long maxRatio(int compression) {
        return switch (compression) {
            case PACKBITS -> 64;
            case LZW -> 4096;
            case DEFLATE, DEFLATE_OLD -> 1100;
            default -> 1;
        };
    }

    /** Samples of one pixel held by one block: all of them (pixel-interleaved) or one (band-interleaved). */
    int samplesInBlock() {
        return planar ? 1 : samplesPerPixel;
    }

    /** Rows of pixels in blocks of block row {@code blockRow} (tiles are always full; the last strip may be short). */
    int blockRows(int blockRow) {
        return tiled ? blockHeight : (int) Math.min(blockHeight, height - (long) blockRow * blockHeight);
    }

    int blockIndex(int band, int blockCol, int blockRow) {
        return (planar ? band * blocksAcross * blocksDown : 0) + blockRow * blocksAcross + blockCol;
    }

    /** Bytes of block row {@code blockRow}'s blocks once decompressed. */
    int decodedBytes(int blockRow) {
        return blockWidth * blockRows(blockRow) * samplesInBlock() * bytesPerSample;
    }

    private long decodedBytesLong(int blockRow) {
        return (long) blockWidth * blockRows(blockRow) * samplesInBlock() * bytesPerSample;
    }

    String blockName(int index) {
        return (tiled ? "tile " : "strip ") + index;
    }

    /** Checks and describes the image of {@code d}; {@code name} is the file as the user named it. */
    static TiffLayout of(TiffDirectory d, String name, long fileSize) {
        long width = require(d, TiffTag.IMAGE_WIDTH, name);
        long height = require(d, TiffTag.IMAGE_LENGTH, name);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw corrupt(name, "image size " + width + " x " + height);
        }
        long spp = d.scalar(TiffTag.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 65535) {
            throw corrupt(name, spp + " samples per pixel");
        }
        int bits = uniform(d, TiffTag.BITS_PER_SAMPLE, 1, spp, name, "bits per sample");
        int format = uniform(d, TiffTag.SAMPLE_FORMAT, 1, spp, name, "sample formats");
        SampleType type = sampleType(format, bits, name);
        boolean half = format == 3 && bits == 16;
        int compression = (int) d.scalar(TiffTag.COMPRESSION, NONE);
        checkCompression(compression, name);
        int predictor = (int) d.scalar(TiffTag.PREDICTOR, 1);
        if (compression != LZW && compression != DEFLATE && compression != DEFLATE_OLD) {
            predictor = 1; // libtiff applies predictors only with LZW and DEFLATE among the codecs read here
        }
        if (predictor != 1 && predictor != 2 && !(predictor == 3 && type.isFloatingPoint())) {
            throw unsupported(name, "predictor " + predictor + " for " + type + " samples");
        }
        checkPhotometric((int) d.scalar(TiffTag.PHOTOMETRIC, 1), name);
        if (d.scalar(TiffTag.FILL_ORDER, 1) != 1) {
            throw unsupported(name, "bit fill order " + d.scalar(TiffTag.FILL_ORDER, 1));
        }
        boolean planar = spp > 1 && d.scalar(TiffTag.PLANAR_CONFIGURATION, 1) == 2;
        boolean tiled = d.has(TiffTag.TILE_WIDTH) || d.has(TiffTag.TILE_OFFSETS);
        long bw;
        long bh;
        long[] offsets;
        long[] counts;
        if (tiled) {
            bw = require(d, TiffTag.TILE_WIDTH, name);
            bh = require(d, TiffTag.TILE_LENGTH, name);
            offsets = d.longs(TiffTag.TILE_OFFSETS);
            counts = d.longs(TiffTag.TILE_BYTE_COUNTS);
        } else {
            bw = width;
            bh = Math.min(d.scalar(TiffTag.ROWS_PER_STRIP, height), height);
            offsets = d.longs(TiffTag.STRIP_OFFSETS);
            counts = d.longs(TiffTag.STRIP_BYTE_COUNTS);
        }
        String unit = tiled ? "tile" : "strip";
        if (bw <= 0 || bh <= 0 || bw > Integer.MAX_VALUE || bh > Integer.MAX_VALUE) {
            throw corrupt(name, unit + " size " + bw + " x " + bh);
        }
        if (offsets == null || counts == null) {
            throw corrupt(name, "missing " + unit + " offsets or byte counts");
        }
        long across = (width + bw - 1) / bw;
        long down = (height + bh - 1) / bh;
        long blocks = across * down * (planar ? spp : 1);
        if (offsets.length != blocks || counts.length != blocks) {
            throw corrupt(name, offsets.length + " " + unit + " offsets and " + counts.length + " byte counts where "
                    + width + " x " + height + " pixels in " + bw + " x " + bh + " " + unit + "s need " + blocks);
        }
        TiffLayout layout = new TiffLayout((int) width, (int) height, (int) spp, type, half, bits / 8, compression,
                predictor, planar, tiled, (int) bw, (int) bh, (int) across, (int) down, offsets, counts, d.order());
        layout.checkBlocks(name, fileSize);
        long blockBytes = layout.decodedBytesLong(0);
        if (blockBytes > Integer.MAX_VALUE - 8) {
            throw unsupported(name, unit + "s of " + blockBytes + " bytes");
        }
        return layout;
    }

    private void checkBlocks(String name, long fileSize) {
        long ratio = maxRatio(compression);
        long total = 0;
        for (int i = 0; i < offsets.length; i++) {
            long off = offsets[i];
            long n = byteCounts[i];
            if (off == 0 && n == 0) {
                throw unsupported(name, "sparse file (" + blockName(i) + " was never written)");
            }
            if (off < 0 || n <= 0 || off > fileSize || n > fileSize - off) {
                throw new RasterReadException(name + ": truncated or corrupt file: " + blockName(i) + " (" + n
                        + " bytes at " + off + ") does not lie within the file's " + fileSize
                        + " bytes (re-create the file)");
            }
            long decoded = decodedBytesLong((int) ((i % ((long) blocksAcross * blocksDown)) / blocksAcross));
            boolean impossible = compression == NONE ? n < decoded : decoded > n * ratio + 1024;
            if (impossible) {
                throw corrupt(name, blockName(i) + " holds " + n + " bytes, which cannot decode to the " + decoded
                        + " bytes its pixels need");
            }
            total += decoded;
        }
        // blocks may share their bytes, so each one's bound above does not bound them all: a few bytes shared by
        // a million tiles would decode forever
        if (total > ratio * fileSize + 1024L * offsets.length) {
            throw corrupt(name, offsets.length + " " + (tiled ? "tiles" : "strips") + " decode to " + total
                    + " bytes, more than a file of " + fileSize + " bytes can hold with this compression");
        }
    }

    private static long require(TiffDirectory d, int tag, String name) {
        long v = d.scalar(tag, -1);
        if (v < 0) {
            throw corrupt(name, "missing tag " + tag);
        }
        return v;
    }

    private static int uniform(TiffDirectory d, int tag, int dflt, long spp, String name, String what) {
        long[] v = d.longs(tag);
        if (v == null || v.length == 0) {
            return dflt;
        }
        for (long x : v) {
            if (x != v[0]) {
                throw unsupported(name, "mixed " + what + " across bands");
            }
        }
        return (int) Math.min(v[0], Integer.MAX_VALUE);
    }

    private static SampleType sampleType(int format, int bits, String name) {
        SampleType t = switch (format) {
            case 1, 4 -> bits == 8 ? SampleType.UINT8 : bits == 16 ? SampleType.UINT16
                    : bits == 32 ? SampleType.UINT32 : null;
            case 2 -> bits == 8 ? SampleType.INT8 : bits == 16 ? SampleType.INT16
                    : bits == 32 ? SampleType.INT32 : null;
            case 3 -> bits == 16 || bits == 32 ? SampleType.FLOAT32 : bits == 64 ? SampleType.FLOAT64 : null;
            default -> null;
        };
        if (t == null) {
            String kind = switch (format) {
                case 1, 4 -> "unsigned integer";
                case 2 -> "signed integer";
                case 3 -> "floating-point";
                case 5 -> "complex integer";
                case 6 -> "complex floating-point";
                default -> "format-" + format;
            };
            throw unsupported(name, "sample type: " + bits + "-bit " + kind);
        }
        return t;
    }

    private static void checkCompression(int c, String name) {
        if (c == NONE || c == LZW || c == DEFLATE || c == DEFLATE_OLD || c == PACKBITS) {
            return;
        }
        String what = switch (c) {
            case 2 -> "CCITT RLE";
            case 3 -> "CCITT Group 3";
            case 4 -> "CCITT Group 4";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 34887 -> "LERC";
            case 34925 -> "LZMA";
            case 50000 -> "ZSTD";
            case 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> "code";
        };
        throw unsupported(name, "compression " + what + " (" + c + ")");
    }

    private static void checkPhotometric(int p, String name) {
        if (p <= 3) {
            return; // min-is-white, min-is-black, RGB and palette store plain samples
        }
        String what = switch (p) {
            case 4 -> "transparency mask";
            case 5 -> "CMYK";
            case 6 -> "YCbCr";
            case 8, 9, 10 -> "CIE L*a*b*";
            default -> "code";
        };
        throw unsupported(name, "photometric interpretation " + what + " (" + p + ")");
    }

    static RasterReadException unsupported(String name, String what) {
        return new RasterReadException(name + ": unsupported " + what
                + " (re-encode with e.g. `gdal_translate -co COMPRESS=DEFLATE in.tif out.tif`)");
    }

    static RasterReadException corrupt(String name, String what) {
        return new RasterReadException(name + ": corrupt TIFF: " + what + " (re-create the file)");
    }
}
