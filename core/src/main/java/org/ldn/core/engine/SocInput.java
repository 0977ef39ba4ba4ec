package org.ldn.core.engine;

import java.util.Map;
import java.util.Objects;
import org.ldn.core.raster.RasterSource;

/** Where the run's SOC stocks come from (METHOD.md §4). */
public sealed interface SocInput {

    /** Supplied stock maps (Tier 2/3) in t C/ha, by year, already on the reference grid. */
    record Supplied(Map<Integer, RasterSource> stocks) implements SocInput {
        public Supplied {
            stocks = Map.copyOf(stocks);
        }
    }

    /**
     * Tier 1: an initial stock map of year {@code initialYear} and the climate factor, either per pixel from an IPCC
     * climate-zone map ({@code climateZones}, on the reference grid) or one number ({@code climateFactor}, used when
     * {@code climateZones} is {@code null}).
     */
    record Modelled(int initialYear, RasterSource initial, RasterSource climateZones, double climateFactor)
            implements SocInput {
        public Modelled {
            Objects.requireNonNull(initial, "initial");
            if (climateZones == null && !(climateFactor > 0)) {
                throw new IllegalArgumentException("a climate factor > 0 or a climate-zone map is needed");
            }
        }
    }
}
