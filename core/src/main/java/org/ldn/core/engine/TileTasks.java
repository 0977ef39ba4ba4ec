package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;

/** How a split run's tiles are grouped into tasks, and the rectangles a task's tiles cover. Stateless. */
public final class TileTasks {
    private TileTasks() {
    }

    /**
     * {@code tiles} tile indices cut into {@code tasks} runs of consecutive indices (row-major, so each task is a
     * band of the grid: its input blocks are read together), of sizes differing by at most one; fewer tasks when
     * there are fewer tiles.
     */
    public static List<int[]> contiguous(int tiles, int tasks) {
        if (tiles < 1 || tasks < 1) {
            throw new IllegalArgumentException("tiles and tasks must be positive");
        }
        int n = Math.min(tiles, tasks);
        List<int[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int from = (int) ((long) tiles * k / n);
            int to = (int) ((long) tiles * (k + 1) / n);
            int[] t = new int[to - from];
            for (int i = 0; i < t.length; i++) {
                t[i] = from + i;
            }
            out.add(t);
        }
        return out;
    }

    /**
     * The pixel rectangles that {@code tiles} cover, disjoint, ordered top to bottom and left to right: runs of
     * neighbouring tiles in a row of tiles, stacked with the run below when it spans the same columns. A band of
     * consecutive tiles gives at most three rectangles.
     */
    public static List<Window> rectangles(Tiling tiling, int[] tiles) {
        int[] sorted = tiles.clone();
        Arrays.sort(sorted);
        int across = tiling.tilesAcross();
        List<int[]> runs = new ArrayList<>(); // {first column of tiles, last, first row of tiles, last}
        for (int i = 0; i < sorted.length;) {
            int ty = sorted[i] / across;
            int tx0 = sorted[i] % across;
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[j - 1] + 1 && sorted[j] / across == ty) {
                j++;
            }
            if (j < sorted.length && sorted[j] == sorted[j - 1]) {
                throw new IllegalArgumentException("tile " + sorted[j] + " is listed twice");
            }
            int tx1 = sorted[j - 1] % across;
            int[] merged = null;
            for (int[] r : runs) {
                if (r[0] == tx0 && r[1] == tx1 && r[3] == ty - 1) {
                    merged = r;
                }
            }
            if (merged != null) {
                merged[3] = ty;
            } else {
                runs.add(new int[] {tx0, tx1, ty, ty});
            }
            i = j;
        }
        List<Window> out = new ArrayList<>();
        for (int[] r : runs) {
            Window a = tiling.tile(r[2] * across + r[0]);
            Window b = tiling.tile(r[3] * across + r[1]);
            out.add(new Window(a.col(), a.row(), b.colEnd() - a.col(), b.rowEnd() - a.row()));
        }
        return out;
    }
}
