package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.InputException;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterReadException;

/**
 * Bad input gives one clear line naming the file ({@link RasterReadException}), never a library exception, a hang,
 * a huge allocation or a wrong value. Broken files are made here, from bytes or from patched fixture copies.
 */
class GeoTiffBadInputTest {
    @TempDir
    Path tmp;

    private static RasterReadException fails(Path file) {
        RasterReadException e = assertThrows(RasterReadException.class, () -> {
            try (GeoTiffSource s = GeoTiffSource.open(file, "in.tif")) {
                double[] v = new double[s.grid().extent().length()];
                s.read(0, s.grid().extent(), v);
            }
        });
        assertTrue(e.getMessage().startsWith("in.tif: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private static void assertContains(String expected, Exception e) {
        assertTrue(e.getMessage().contains(expected), "\"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }

    private Path copy(String fixture, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(fixture), bytes);
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(GeoTiffFixtures.dir().resolve(name));
    }

    /** Overwrites the inline SHORT value of {@code tag} in the first IFD of a classic TIFF. */
    static byte[] patchShortTag(byte[] tiff, int tag, int value) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int n = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < n; i++) {
            int at = ifd + 2 + 12 * i;
            if (Short.toUnsignedInt(b.getShort(at)) == tag) {
                b.putShort(at + 8, (short) value);
                return tiff;
            }
        }
        throw new IllegalArgumentException("no tag " + tag);
    }

    @Test
    void syntheticFileReadsAsBuilt() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("ok.tif"), 5, 3, true, SyntheticTiff::northUp);
        try (GeoTiffSource s = GeoTiffSource.open(f, "ok.tif")) {
            assertArrayEquals(new double[] {10, 0.5, 0, 50, 0, -0.5}, s.grid().geoTransform());
            double[] v = new double[15];
            s.read(0, s.grid().extent(), v);
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 100, 101, 102, 103, 104, 200, 201, 202, 203, 204}, v);
        }
    }

    /** A north-up ModelTransformation is read like pixel scale and tiepoint. */
    @Test
    void northUpModelTransformation() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("mt.tif"), 5, 3, true,
                d -> d.doubles(TiffTag.MODEL_TRANSFORMATION, 0.5, 0, 0, 10, 0, -0.25, 0, 50, 0, 0, 0, 0, 0, 0, 0, 1));
        try (GeoTiffSource s = GeoTiffSource.open(f, "mt.tif")) {
            assertArrayEquals(new double[] {10, 0.5, 0, 50, 0, -0.25}, s.grid().geoTransform());
        }
    }

    @Test
    void missingFile() {
        assertContains("in.tif: file not found", fails(tmp.resolve("nope.tif")));
    }

    @Test
    void notATiff() throws IOException {
        assertContains("not a TIFF file", fails(Files.writeString(tmp.resolve("a.tif"), "hello, world")));
    }

    @Test
    void truncatedHeader() throws IOException {
        assertContains("not a TIFF file", fails(copy("h.tif", Arrays.copyOf(fixture("int16_strip_none_p1.tif"), 5))));
    }

    @Test
    void truncatedDirectory() throws IOException {
        byte[] t = fixture("int16_strip_none_p1.tif");
        int ifd = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        assertContains("truncated or corrupt file: first IFD", fails(copy("i.tif", Arrays.copyOf(t, ifd + 30))));
    }

    @Test
    void truncatedStrip() throws IOException {
        byte[] t = fixture("int16_strip_deflate_p1.tif");
        assertContains("truncated or corrupt file: strip 6", fails(copy("s.tif", Arrays.copyOf(t, t.length - 200))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"int16_strip_deflate_p1.tif", "int16_tile_lzw_p1.tif", "int16_tile_packbits_p1.tif"})
    void corruptCompressedBlock(String fixture) throws IOException {
        byte[] t = fixture(fixture);
        long[] block = firstBlock(fixture);
        Arrays.fill(t, (int) block[0], (int) (block[0] + block[1]), (byte) 0); // too little for each codec
        RasterReadException e = fails(copy("c.tif", t));
        assertContains("in.tif: corrupt ", e);
        assertTrue(e.getMessage().matches("in\\.tif: corrupt (strip|tile) 0: .*"), e.getMessage());
    }

    /** Offset and byte count of the first block. */
    private static long[] firstBlock(String fixture) {
        TiffChannel ch = new TiffChannel(GeoTiffFixtures.dir().resolve(fixture), fixture);
        try {
            TiffLayout l = TiffLayout.of(TiffDirectory.read(ch), fixture, ch.size());
            return new long[] {l.offsets()[0], l.byteCounts()[0]};
        } finally {
            ch.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 50000, 34887, 50001, 34925})
    void unsupportedCompression(int code) throws IOException {
        byte[] t = patchShortTag(fixture("uint8_strip_deflate_p1.tif"), TiffTag.COMPRESSION, code);
        RasterReadException e = fails(copy("z.tif", t));
        assertContains("in.tif: unsupported compression", e);
        assertContains("(" + code + ") (re-encode with e.g. `gdal_translate -co COMPRESS=DEFLATE in.tif out.tif`)", e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZSTD", "JPEG", "LERC"})
    void unsupportedCompressionMadeByGdal(String compress) throws Exception {
        Gdal.assumeAvailable();
        Path out = tmp.resolve(compress + ".tif");
        Process p = new ProcessBuilder("gdal_translate", "-q", "-co", "COMPRESS=" + compress,
                GeoTiffFixtures.dir().resolve("uint8_tile_none_p1.tif").toString(), out.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(out), "GDAL lacks " + compress);
        assertContains("unsupported compression " + compress, fails(out));
    }

    @Test
    void unsupportedSampleLayouts() throws IOException {
        assertContains("unsupported sample type: 12-bit unsigned integer",
                fails(copy("b.tif", patchShortTag(fixture("uint16_strip_none_p1.tif"), TiffTag.BITS_PER_SAMPLE, 12))));
        assertContains("unsupported sample type: 32-bit complex integer",
                fails(copy("c.tif", patchShortTag(fixture("int32_strip_none_p1.tif"), TiffTag.SAMPLE_FORMAT, 5))));
        assertContains("unsupported photometric interpretation YCbCr (6)",
                fails(copy("y.tif", patchShortTag(fixture("uint8_strip_none_p1.tif"), TiffTag.PHOTOMETRIC, 6))));
        assertContains("unsupported predictor 3 for INT16 samples",
                fails(copy("p.tif", patchShortTag(fixture("int16_strip_lzw_p2.tif"), TiffTag.PREDICTOR, 3))));
    }

    @Test
    void rotatedGeotransform() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("r.tif"), 5, 3, true,
                d -> d.doubles(TiffTag.MODEL_TRANSFORMATION, 0.5, 0.1, 0, 10, 0.1, -0.5, 0, 50, 0, 0, 0, 0, 0, 0, 0, 1));
        assertContains("in.tif: rotated or sheared geotransform", fails(f));
    }

    @Test
    void noCrs() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("n.tif"), 5, 3, false, SyntheticTiff::northUp);
        assertContains("in.tif: no coordinate reference system", fails(f));
    }

    @Test
    void noGeotransform() throws IOException {
        assertContains("in.tif: no geotransform", fails(SyntheticTiff.write(tmp.resolve("g.tif"), 5, 3, true, d -> { })));
    }

    /** A 1 KB file claiming 10^6 x 10^6 pixels is refused from its directory, before anything is allocated. */
    @Test
    void absurdSize() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("big.tif"), 5, 3, true, d -> {
            SyntheticTiff.northUp(d);
            d.longs(TiffTag.IMAGE_WIDTH, 1_000_000);
            d.longs(TiffTag.IMAGE_LENGTH, 1_000_000);
            d.longs(TiffTag.ROWS_PER_STRIP, 1_000_000);
            d.shorts(TiffTag.COMPRESSION, 8);
        });
        assertTrue(Files.size(f) < 1024);
        assertContains("cannot decode to the 2000000000000 bytes", fails(f));
    }

    @Test
    void stripCountMustMatchTheLayout() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("sc.tif"), 5, 3, true, d -> {
            SyntheticTiff.northUp(d);
            d.longs(TiffTag.ROWS_PER_STRIP, 1);
        });
        assertContains("1 strip offsets and 1 byte counts where 5 x 3 pixels in 5 x 1 strips need 3", fails(f));
    }

    @Test
    void unreadableNoData() throws IOException {
        Path f = SyntheticTiff.write(tmp.resolve("nd.tif"), 5, 3, true, d -> {
            SyntheticTiff.northUp(d);
            d.ascii(TiffTag.GDAL_NODATA, "none");
        });
        assertContains("in.tif: unreadable nodata value \"none\"", fails(f));
    }

    @Test
    void windowOutsideTheGridIsAProgrammingError() {
        Path f = GeoTiffFixtures.dir().resolve("int16_strip_none_p1.tif");
        try (GeoTiffSource s = GeoTiffSource.open(f, "f")) {
            assertThrows(IllegalArgumentException.class, () -> s.read(0, new Window(70, 0, 4, 1), new double[4]));
            assertThrows(IllegalArgumentException.class, () -> s.read(1, new Window(0, 0, 1, 1), new double[1]));
        }
    }

    /**
     * Mutated fixtures (random bytes overwritten, or the file cut) either read or fail with a
     * {@link RasterReadException}/{@link InputException}; nothing else escapes and nothing hangs.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedFilesFailCleanly(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> files = GeoTiffFixtures.files();
        for (int k = 0; k < 25; k++) {
            String name = files.get(rnd.nextInt(files.size()));
            byte[] t = fixture(name);
            if (rnd.nextInt(4) == 0) {
                t = Arrays.copyOf(t, rnd.nextInt(t.length));
            } else {
                int n = 1 + rnd.nextInt(8);
                for (int i = 0; i < n; i++) {
                    t[rnd.nextInt(Math.min(t.length, rnd.nextBoolean() ? 400 : t.length))] = (byte) rnd.nextInt(256);
                }
            }
            Path f = copy("m" + k + ".tif", t);
            try (GeoTiffSource s = GeoTiffSource.open(f, "m.tif")) {
                double[] v = new double[s.grid().extent().length() * s.bandCount()];
                s.readBands(0, s.bandCount(), s.grid().extent(), v);
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith("m.tif: "), e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError(name + " seed " + seed + " k " + k + ": " + e, e);
            }
        }
    }

    @Test
    void decodersStopOnGarbage() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 2000; k++) {
            byte[] in = new byte[rnd.nextInt(200)];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) rnd.nextInt(256);
            }
            byte[] out = new byte[rnd.nextInt(5000)];
            for (int codec = 0; codec < 3; codec++) {
                try {
                    switch (codec) {
                        case 0 -> Lzw.decode(in, in.length, out, out.length);
                        case 1 -> PackBits.decode(in, in.length, out, out.length);
                        default -> Inflate.decode(in, in.length, out, out.length);
                    }
                } catch (CorruptBlockException e) {
                    assertFalse(e.getMessage().isEmpty());
                }
            }
        }
    }

    @Test
    void packBitsAndLzwDecodeKnownStreams() throws CorruptBlockException {
        // PackBits example of the TIFF 6.0 specification, p. 42
        byte[] packed = {(byte) 0xFE, (byte) 0xAA, 0x02, (byte) 0x80, 0x00, 0x2A, (byte) 0xFD, (byte) 0xAA, 0x03,
            (byte) 0x80, 0x00, 0x2A, 0x22, (byte) 0xF7, (byte) 0xAA};
        byte[] out = new byte[24];
        PackBits.decode(packed, packed.length, out, out.length);
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x80, 0x00, 0x2A, (byte) 0xAA,
            (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x80, 0x00, 0x2A, 0x22, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA,
            (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA}, out);
        // LZW, 9-bit codes: Clear, 'a', 'a', 258 ("aa", the KwKwK case), End -> "aaaa"
        byte[] lzw = pack9(256, 'a', 'a', 258, 257);
        byte[] four = new byte[5];
        assertThrows(CorruptBlockException.class, () -> Lzw.decode(lzw, lzw.length, four, 5));
        Lzw.decode(lzw, lzw.length, four, 4);
        assertArrayEquals(new byte[] {'a', 'a', 'a', 'a', 0}, four);
        assertEquals(0, four[4]);
    }

    private static byte[] pack9(int... codes) {
        byte[] out = new byte[(codes.length * 9 + 7) / 8];
        int bit = 0;
        for (int c : codes) {
            for (int i = 8; i >= 0; i--, bit++) {
                if ((c >> i & 1) != 0) {
                    out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        return out;
    }
}
