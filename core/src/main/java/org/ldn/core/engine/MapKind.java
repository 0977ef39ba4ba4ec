package org.ldn.core.engine;

/**
 * The maps a run writes per period (Int16, nodata −32768, water −32767). The last four exist only when LPD is
 * computed from a productivity series: its three metrics (−1/0/+1; performance is −1/0) and the 5-class LPD.
 */
public enum MapKind {
    LAND_COVER("land_cover_degradation"), PRODUCTIVITY("productivity_3class"), SOC("soc_degradation"),
    SDG("sdg_15_3_1"), STATUS("status_7class"), TRAJECTORY("productivity_trajectory"),
    STATE("productivity_state"), PERFORMANCE("productivity_performance"), LPD("lpd_5class");

    private final String fileStem;

    MapKind(String fileStem) {
        this.fileStem = fileStem;
    }

    public String fileStem() {
        return fileStem;
    }
}
