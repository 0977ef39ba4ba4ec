package org.ldn.core.landcover;

/** The 7 UNCCD land-cover classes, coded 1..7 as in the reporting tables. */
public enum LandCoverClass {
    TREE_COVERED(1, "Tree-covered"), GRASSLAND(2, "Grassland"), CROPLAND(3, "Cropland"), WETLAND(4, "Wetland"),
    ARTIFICIAL(5, "Artificial"), OTHER_LAND(6, "Other land"), WATER(7, "Water");

    /** Number of classes; class codes run 1..COUNT. */
    public static final int COUNT = 7;

    private final int code;
    private final String label;

    LandCoverClass(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static LandCoverClass of(int code) {
        if (code < 1 || code > COUNT) {
            throw new IllegalArgumentException("not a UNCCD land-cover class: " + code);
        }
        return values()[code - 1];
    }
}
