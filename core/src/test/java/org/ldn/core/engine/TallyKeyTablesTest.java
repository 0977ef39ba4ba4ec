package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tally's key tables give, for every short value, the key its arithmetic rule gives. */
class TallyKeyTablesTest {
    @Test
    void tablesEqualTheRules() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            short v = (short) x;
            assertEquals(TallyLayout.classKey(v), TallyLayout.CLASS_KEY[v & 0xFFFF], "class " + v);
            assertEquals(TallyLayout.lcKey(v), TallyLayout.LC_KEY[v & 0xFFFF], "land cover " + v);
            assertEquals(TallyLayout.lpdKey(v, false), TallyLayout.LPD_KEY[v & 0xFFFF], "lpd " + v);
            int expected = v == 6 || v == 7 ? 0 : v == 1 || v == 2 ? 1 : 3;
            assertEquals(expected, TallyLayout.LAND_TYPE_STATUS[v & 0xFFFF], "status " + v);
        }
        // the offsets are those of the land-type keys
        TallyLayout l = new TallyLayout(2, 1, 3);
        assertEquals(l.landType(1, 5, true) - l.landType(1, 0, true), TallyLayout.LAND_TYPE_KEYS * 5);
        assertEquals(l.landType(1, 5, false) - l.landType(1, 5, true), 1);
        assertEquals(l.landTypeNeither(1, 5) - l.landType(1, 5, true), 3);
    }

    @Test
    void branchFreeIndexIsMinusOneOutsideZones() {
        for (int key : new int[] {0, 1, 7, 5000}) {
            assertEquals(-1, TileWorker.in(-1, key));
            assertEquals(3 * 100 + key, TileWorker.in(300, key));
        }
    }
}
