package org.ldn.core.engine;

import org.ldn.core.raster.RasterSink;

/**
 * Where the drought pass writes its maps, by file stem: {@code drought_spi<k>_<year>} (Float32 SPI, NaN nodata),
 * {@code drought_class_<year>} and {@code drought_class_<first>-<last>} (Int16 classes 0..4, water −32767,
 * nodata −32768), and {@code drought_dvi} (Float32) when vulnerability is given; {@code null} skips a map.
 */
@FunctionalInterface
public interface DroughtMaps {
    RasterSink open(String stem, boolean floating);

    DroughtMaps NONE = (s, f) -> null;
}
