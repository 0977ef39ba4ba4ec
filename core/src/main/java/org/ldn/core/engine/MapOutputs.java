package org.ldn.core.engine;

import org.ldn.core.raster.RasterSink;

/** Where the engine writes its maps: a sink per (period, map kind), or {@code null} to skip that map. */
@FunctionalInterface
public interface MapOutputs {
    RasterSink open(Period period, MapKind kind);

    /** Writes no map. */
    MapOutputs NONE = (p, k) -> null;
}
