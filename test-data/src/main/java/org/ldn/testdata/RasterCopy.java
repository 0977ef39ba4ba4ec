package org.ldn.testdata;

import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/** Writes a raster source through a {@link RasterSink}, window by window: to make files from generated data. */
public final class RasterCopy {
    private RasterCopy() {
    }

    /**
     * Writes band {@code band} of {@code source} to {@code sink} in the tiles of {@code tiling} (row-major order),
     * then commits the sink; closing it stays with the caller. Samples of 8- and 16-bit integer types go through
     * {@link RasterSink#write(Window, short[])}, nodata (NaN) written as {@code shortNoData}; all other types through
     * {@link RasterSink#write(Window, float[])}, where NaN stays NaN (the sink writes its nodata) and integers are
     * exact up to 2²⁴.
     *
     * @throws IllegalArgumentException when the tiling does not match the source's grid
     */
    public static void copy(RasterSource source, int band, RasterSink sink, Tiling tiling, short shortNoData) {
        if (tiling.gridWidth() != source.grid().width() || tiling.gridHeight() != source.grid().height()) {
            throw new IllegalArgumentException("tiling " + tiling + " does not match " + source.name());
        }
        boolean shorts = fitsInShort(source.sampleType());
        for (Window w : tiling.windows()) {
            double[] values = new double[w.length()];
            source.read(band, w, values);
            if (shorts) {
                short[] out = new short[values.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.isNaN(values[i]) ? shortNoData : (short) values[i];
                }
                sink.write(w, out);
            } else {
                float[] out = new float[values.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) values[i];
                }
                sink.write(w, out);
            }
        }
        sink.commit();
    }

    private static boolean fitsInShort(SampleType t) {
        return t == SampleType.INT8 || t == SampleType.UINT8 || t == SampleType.INT16;
    }
}
