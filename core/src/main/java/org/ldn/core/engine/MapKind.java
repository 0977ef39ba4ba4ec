package org.ldn.core.engine;

/** The maps a run writes per period (Int16, nodata −32768, water −32767). */
public enum MapKind {
    LAND_COVER("land_cover_degradation"), PRODUCTIVITY("productivity_3class"), SOC("soc_degradation"),
    SDG("sdg_15_3_1"), STATUS("status_7class");

    private final String fileStem;

    MapKind(String fileStem) {
        this.fileStem = fileStem;
    }

    public String fileStem() {
        return fileStem;
    }
}
