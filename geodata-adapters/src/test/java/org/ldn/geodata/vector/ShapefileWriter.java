package org.ldn.geodata.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes small polygon Shapefiles for tests, following the ESRI Shapefile Technical Description: one
 * character field per attribute, each record's rings exactly as given (the caller chooses their orientation).
 */
final class ShapefileWriter {
    private ShapefileWriter() {
    }

    /** One record: its rings ({@code [x0, y0, x1, y1, ...]}, closed) or {@code null} for a null shape. */
    record Shape(List<double[]> rings, String... values) {
    }

    /**
     * Writes {@code base}.shp/.shx/.dbf; the caller adds .prj/.cpg when wanted. A field named {@code "NAME:N"} is a
     * numeric field (width 40, 15 decimals) whose values are written right-aligned, the others are text fields.
     */
    static void write(Path base, int shapeType, List<String> fields, List<Shape> shapes, Charset dbfCharset)
            throws IOException {
        int n = shapes.size();
        int[] lengths = new int[n];
        int total = 100;
        for (int i = 0; i < n; i++) {
            lengths[i] = contentBytes(shapes.get(i));
            total += 8 + lengths[i];
        }
        ByteBuffer shp = header(total, shapeType);
        ByteBuffer shx = header(100 + 8 * n, shapeType);
        int offset = 100;
        for (int i = 0; i < n; i++) {
            Shape s = shapes.get(i);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(lengths[i] / 2);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(lengths[i] / 2);
            shp.order(ByteOrder.LITTLE_ENDIAN);
            if (s.rings() == null) {
                shp.putInt(0);
            } else {
                int points = s.rings().stream().mapToInt(r -> r.length / 2).sum();
                shp.putInt(shapeType).putDouble(0).putDouble(0).putDouble(0).putDouble(0);
                shp.putInt(s.rings().size()).putInt(points);
                int start = 0;
                for (double[] r : s.rings()) {
                    shp.putInt(start);
                    start += r.length / 2;
                }
                for (double[] r : s.rings()) {
                    for (double v : r) {
                        shp.putDouble(v);
                    }
                }
            }
            offset += 8 + lengths[i];
        }
        Files.write(base.resolveSibling(base.getFileName() + ".shp"), shp.array());
        Files.write(base.resolveSibling(base.getFileName() + ".shx"), shx.array());
        Files.write(base.resolveSibling(base.getFileName() + ".dbf"), dbf(fields, shapes, dbfCharset));
    }

    private static int contentBytes(Shape s) {
        if (s.rings() == null) {
            return 4;
        }
        int points = s.rings().stream().mapToInt(r -> r.length / 2).sum();
        return 44 + 4 * s.rings().size() + 16 * points;
    }

    private static ByteBuffer header(int bytes, int shapeType) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
        b.putInt(9994).position(24);
        b.putInt(bytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        b.position(100);
        return b;
    }

    private static byte[] dbf(List<String> fields, List<Shape> shapes, Charset cs) {
        int width = 40;
        int headerLength = 32 + 32 * fields.size() + 1;
        int recordLength = 1 + width * fields.size();
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * shapes.size() + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1);
        b.putInt(shapes.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.position(32);
        for (String f : fields) {
            boolean numeric = f.endsWith(":N");
            byte[] name = f.replace(":N", "").getBytes(cs);
            b.put(name).put(new byte[11 - name.length]).put((byte) (numeric ? 'N' : 'C')).putInt(0)
                    .put((byte) width).put((byte) (numeric ? 15 : 0));
            b.put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (Shape s : shapes) {
            b.put((byte) ' ');
            for (int f = 0; f < fields.size(); f++) {
                byte[] v = new byte[width];
                java.util.Arrays.fill(v, (byte) ' ');
                String value = f < s.values().length ? s.values()[f] : null;
                if (value != null) {
                    byte[] raw = value.getBytes(cs);
                    int at = fields.get(f).endsWith(":N") ? width - raw.length : 0;
                    System.arraycopy(raw, 0, v, at, raw.length);
                }
                b.put(v);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
