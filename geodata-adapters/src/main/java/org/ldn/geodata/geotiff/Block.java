package org.ldn.geodata.geotiff;

/**
 * One decoded strip or tile: its samples, row-major and pixel-interleaved, in a primitive array as wide as the
 * stored samples ({@code byte[]}, {@code short[]}, {@code int[]} or {@code long[]}; floating-point samples are
 * kept as their IEEE bits). Rows are {@link TiffLayout#blockWidth()} pixels apart. Never modified once built.
 *
 * @param bytes the decoded size, for the cache's budget
 */
record Block(Object samples, int bytes) {
}
