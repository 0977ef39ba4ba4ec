package org.ldn.cli.document;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.ldn.cli.output.MapPalette;

/**
 * A class map as an indexed PNG in the palette of its QGIS style: each palette entry one colour, nodata (and any
 * value the palette does not name) transparent, so the page shows through where there is no figure.
 */
final class MapPicture {
    private MapPicture() {
    }

    /** The PNG of {@code raster} drawn with {@code palette}. */
    static byte[] png(MapRaster raster, MapPalette palette) {
        List<MapPalette.Entry> entries = palette.entries();
        int n = entries.size() + 1;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        byte[] a = new byte[n];
        for (int i = 0; i < entries.size(); i++) {
            int rgb = entries.get(i).rgb();
            r[i + 1] = (byte) (rgb >> 16);
            g[i + 1] = (byte) (rgb >> 8);
            b[i + 1] = (byte) rgb;
            a[i + 1] = (byte) 255;
        }
        IndexColorModel cm = new IndexColorModel(8, n, r, g, b, a);
        BufferedImage img = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        short[] v = raster.values();
        int[] lookup = new int[65536];
        for (int i = 0; i < entries.size(); i++) {
            lookup[entries.get(i).value() & 0xFFFF] = i + 1;
        }
        for (int i = 0; i < v.length; i++) {
            px[i] = (byte) (v[i] == BlockMode.NODATA ? 0 : lookup[v[i] & 0xFFFF]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code data:image/png;base64,...} of a PNG. */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
