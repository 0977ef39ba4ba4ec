package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes small uncompressed Int16 GeoTIFFs (classic, little-endian, one strip, EPSG:4326 pixel-is-area) for tests
 * of bad input; {@code tags} may add or override tags before the directory is laid out. Pixel (c, r) holds
 * {@code r * 100 + c}.
 */
final class SyntheticTiff {
    private SyntheticTiff() {
    }

    static Path write(Path file, int width, int height, boolean geoKeys, Consumer<TiffDirectoryWriter> tags)
            throws IOException {
        int dataBytes = width * height * 2;
        ByteBuffer data = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                data.putShort((short) (r * 100 + c));
            }
        }
        TiffDirectoryWriter d = new TiffDirectoryWriter();
        d.longs(TiffTag.IMAGE_WIDTH, width);
        d.longs(TiffTag.IMAGE_LENGTH, height);
        d.shorts(TiffTag.BITS_PER_SAMPLE, 16);
        d.shorts(TiffTag.COMPRESSION, 1);
        d.shorts(TiffTag.PHOTOMETRIC, 1);
        d.longs(TiffTag.STRIP_OFFSETS, 8);
        d.shorts(TiffTag.SAMPLES_PER_PIXEL, 1);
        d.longs(TiffTag.ROWS_PER_STRIP, height);
        d.longs(TiffTag.STRIP_BYTE_COUNTS, dataBytes);
        d.shorts(TiffTag.SAMPLE_FORMAT, 2);
        if (geoKeys) {
            d.shorts(TiffTag.GEO_KEY_DIRECTORY, GeoKeys.epsg(4326, true).directory());
        }
        tags.accept(d);
        long ifdAt = 8 + dataBytes + (dataBytes & 1);
        ByteBuffer out = ByteBuffer.allocate((int) (ifdAt + d.size(false)));
        out.put(TiffDirectoryWriter.header(ifdAt, false)).put(data.array()).position((int) ifdAt);
        out.put(d.ifd(ifdAt, false));
        Files.write(file, out.array());
        return file;
    }

    /** North-up georeferencing: 0.5 degree pixels from (10, 50). */
    static void northUp(TiffDirectoryWriter d) {
        d.doubles(TiffTag.MODEL_PIXEL_SCALE, 0.5, 0.5, 0);
        d.doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, 10, 50, 0);
    }
}
