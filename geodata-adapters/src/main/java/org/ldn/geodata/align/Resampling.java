package org.ldn.geodata.align;

/** How a target pixel takes its value from the source pixels. */
public enum Resampling {
    /**
     * The value of the source pixel whose cell contains the target pixel's centre (transformed into the source
     * CRS), the rule of the field and of GDAL's {@code -r near}; NaN when the centre falls outside the source.
     */
    NEAREST
}
