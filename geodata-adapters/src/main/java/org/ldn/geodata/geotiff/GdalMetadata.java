package org.ldn.geodata.geotiff;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ldn.core.Excerpt;
import org.ldn.core.raster.RasterReadException;

/** GDAL's private TIFF tags: GDAL_NODATA (42113, text) and the scale and offset items of GDAL_METADATA (42112). */
final class GdalMetadata {
    private static final Pattern ITEM = Pattern.compile("<Item\\b([^>]*)>([^<]*)</Item>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    private GdalMetadata() {
    }

    /** Parses a GDAL_NODATA text as GDAL does ("nan", "-inf", "-3.4e+38", "255"), or NaN when absent. */
    static double noData(String text, String name) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan", "+nan", "1.#qnan", "-1.#qnan", "-1.#ind":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity", "1.#inf":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity", "-1.#inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new RasterReadException(name + ": unreadable nodata value " + Excerpt.of(text)
                            + " in the GDAL_NODATA tag (fix it: `gdal_edit.py -a_nodata VALUE file.tif`)");
                }
        }
    }

    /**
     * {@code [scale, offset]} of the first band from GDAL_METADATA XML ({@code <Item name="SCALE" sample="0"
     * role="scale">}), defaulting to 1 and 0.
     */
    static double[] scaleOffset(String xml, String name) {
        double[] so = {1, 0};
        if (xml == null) {
            return so;
        }
        Matcher m = ITEM.matcher(xml);
        while (m.find()) {
            String role = null;
            String sample = null;
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                if (a.group(1).equals("role")) {
                    role = a.group(2);
                } else if (a.group(1).equals("sample")) {
                    sample = a.group(2);
                }
            }
            if (!"0".equals(sample) || !("scale".equals(role) || "offset".equals(role))) {
                continue;
            }
            try {
                so["scale".equals(role) ? 0 : 1] = Double.parseDouble(m.group(2).trim());
            } catch (NumberFormatException e) {
                throw new RasterReadException(name + ": unreadable " + role + " " + Excerpt.of(m.group(2))
                        + " in GDAL_METADATA (fix it: `gdal_edit.py -scale S -offset O file.tif`)");
            }
        }
        return so;
    }
}
