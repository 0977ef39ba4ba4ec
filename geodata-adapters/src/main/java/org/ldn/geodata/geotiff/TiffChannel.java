package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ldn.core.RegularFiles;
import org.ldn.core.raster.RasterReadException;

/**
 * A file read by position only, so several threads can read at once. A thread interrupted during a read closes a
 * {@link FileChannel} for everybody; the channel is then reopened for the other readers.
 * Every read is checked against the file size; a short file raises {@link RasterReadException} naming the file.
 */
final class TiffChannel implements AutoCloseable {
    private final Path path;
    private final String name;
    private final long size;
    private volatile FileChannel channel;
    private volatile boolean closed;

    TiffChannel(Path path, String name) {
        this.path = path;
        this.name = name;
        RegularFiles.require(path, name);
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (NoSuchFileException e) {
            throw new RasterReadException(name + ": file not found (check the path)", e);
        } catch (IOException e) {
            throw new RasterReadException(name + ": cannot open (" + e.getMessage() + ")", e);
        }
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    /**
     * Reads exactly {@code length} bytes at {@code position} into {@code dst[0..length)}.
     *
     * @param what names the part being read for the message when the file is too short ("IFD", "tile 12")
     */
    void read(long position, byte[] dst, int length, String what) {
        if (position < 0 || length < 0 || position > size || length > size - position) {
            throw new RasterReadException(name + ": truncated or corrupt file: " + what + " at byte " + position
                    + " (+" + length + ") lies beyond the end of the file (" + size + " bytes) (re-create the file)");
        }
        ByteBuffer buf = ByteBuffer.wrap(dst, 0, length);
        int attempts = 0;
        while (buf.hasRemaining()) {
            try {
                int n = channel.read(buf, position + buf.position());
                if (n < 0) {
                    throw new RasterReadException(name + ": file shrank while reading " + what);
                }
            } catch (ClosedByInterruptException e) {
                Thread.currentThread().interrupt();
                throw new RasterReadException(name + ": read of " + what + " interrupted", e);
            } catch (ClosedChannelException e) {
                if (closed || ++attempts > 3) {
                    throw new IllegalStateException(name + ": read after close", e);
                }
                reopen();
            } catch (IOException e) {
                throw new RasterReadException(name + ": cannot read " + what + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private synchronized void reopen() {
        if (!channel.isOpen() && !closed) {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new RasterReadException(name + ": cannot reopen (" + e.getMessage() + ")", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only file loses nothing
        }
    }
}
