package org.ldn.cli.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;

/** Scale bars: a round length no longer than a quarter of the picture. */
class ScaleBarTest {
    @Test
    void projectedGridInMetres() {
        CrsInfo utm = new CrsInfo("UTM", "PROJCRS[]", 32633, false, false);
        // 300 m pixels, 8 per picture pixel: 2.4 km per picture pixel; 920 px wide -> at most 552 km -> 500 km
        ScaleBar b = ScaleBar.of(new Grid(utm, 0, 0, 300, -300, 7360, 3812), 8, 920);
        assertEquals("500 km", b.label());
        assertEquals(500 / 2.4, b.pixels(), 1e-9);
    }

    @Test
    void geographicGridAtTheEquator() {
        // 0.1° pixels centred on the equator: 0.1 × π·6371/180 = 11.1195 km per pixel; 400 px -> 1111.9 km max -> 1000 km
        ScaleBar b = ScaleBar.of(new Grid(CrsInfo.WGS84, 0, 10, 0.1, -0.1, 400, 200), 1, 400);
        assertEquals("1,000 km", b.label());
        assertEquals(1000 / (0.1 * Math.PI * 6371 / 180), b.pixels(), 1e-9);
    }
}
