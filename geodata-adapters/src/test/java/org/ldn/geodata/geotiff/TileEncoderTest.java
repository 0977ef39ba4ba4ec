package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.raster.SampleType;

/** Encoded tiles inflate and un-predict to their samples; uniform tiles are encoded once and shared. */
class TileEncoderTest {
    private static final int SIZE = 64;

    @ParameterizedTest
    @EnumSource(value = SampleType.class, names = {"UINT8", "INT16", "FLOAT32"})
    void uniformTilesDecodeToTheirValueAndAreShared(SampleType type) throws Exception {
        int bytes = SIZE * SIZE * type.bytes();
        for (double value : new double[] {0, 1, -1, -32768, 255, 0.5}) {
            if (!type.isFloatingPoint() && !SampleValues.fits(type, value)) {
                continue;
            }
            byte[] raw = tile(type, i -> value);
            ByteBuffer z = TileEncoder.encode(raw.clone(), SIZE, type, 1);
            assertArrayEquals(raw, decode(z, type, bytes), type + " " + value);
            assertSame(z.array(), TileEncoder.encode(raw.clone(), SIZE, type, 1).array(),
                    "encoded once: " + type + " " + value);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void patchyTilesDecodeToTheirSamples(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (SampleType type : new SampleType[] {SampleType.UINT8, SampleType.INT16, SampleType.FLOAT32}) {
            int[] patch = rnd.ints(SIZE * SIZE / 40 + 1, 0, 5).toArray();
            byte[] raw = tile(type, i -> patch[i / 40] - 1);
            assertArrayEquals(raw, decode(TileEncoder.encode(raw.clone(), SIZE, type, 1), type, raw.length));
        }
    }

    /** uniform() against a byte-by-byte comparison, with one byte changed anywhere. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void uniformAgreesWithAByteByByteCheck(int width) {
        SplittableRandom rnd = new SplittableRandom(width);
        int bytes = SIZE * SIZE * width;
        for (int k = 0; k < 300; k++) {
            byte[] sample = new byte[width];
            rnd.nextBytes(sample);
            byte[] raw = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                raw[i] = sample[i % width];
            }
            if (k % 3 != 0) {
                raw[rnd.nextInt(bytes)] ^= (byte) (1 + rnd.nextInt(255));
            }
            boolean expected = true;
            for (int i = 0; i < bytes; i++) {
                expected &= raw[i] == raw[i % width];
            }
            assertEquals(expected, TileEncoder.uniform(raw, bytes, width), "case " + k);
        }
    }

    private interface Values {
        double at(int i);
    }

    private static byte[] tile(SampleType type, Values v) {
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SIZE * SIZE; i++) {
            switch (type) {
                case UINT8 -> b.put((byte) v.at(i));
                case INT16 -> b.putShort((short) v.at(i));
                default -> b.putFloat((float) v.at(i));
            }
        }
        return b.array();
    }

    /** Inflate, then undo the predictor the writer uses, back to little-endian samples. */
    private static byte[] decode(ByteBuffer encoded, SampleType type, int bytes) throws Exception {
        byte[] z = java.util.Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Inflater inf = new Inflater();
        inf.setInput(z);
        byte[] p = new byte[bytes];
        assertEquals(bytes, inf.inflate(p));
        assertEquals(true, inf.finished());
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer in = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < SIZE; r++) {
            if (type == SampleType.FLOAT32) {
                int base = r * SIZE * 4;
                for (int i = 1; i < SIZE * 4; i++) {
                    p[base + i] += p[base + i - 1];
                }
                for (int x = 0; x < SIZE; x++) {
                    int bits = (p[base + x] & 255) << 24 | (p[base + SIZE + x] & 255) << 16
                            | (p[base + 2 * SIZE + x] & 255) << 8 | (p[base + 3 * SIZE + x] & 255);
                    out.putInt(bits);
                }
            } else {
                long acc = 0;
                for (int x = 0; x < SIZE; x++) {
                    acc += type == SampleType.UINT8 ? in.get() : in.getShort();
                    if (type == SampleType.UINT8) {
                        out.put((byte) acc);
                    } else {
                        out.putShort((short) acc);
                    }
                }
            }
        }
        return out.array();
    }
}
