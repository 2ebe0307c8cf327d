package dev.sluice.benchmarks;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many 1 KiB records per second W threads can make durable when they do nothing else: no database, no
 * messaging, no consumers. Each thread writes a record and waits until it is on disk before writing the next, as a
 * synchronous persistent sender does, so this is the most any broker can do with W synchronous senders on this
 * disk, whatever its design. Three designs, from the same temp directory as the benchmark:
 * <ul>
 *   <li>{@link Design#OWN_FLUSH}: each thread writes into its own file and {@code fdatasync}s it (flushes run in
 *       parallel, one per record);</li>
 *   <li>{@link Design#SHARED_FLUSH}: one file, group commit: the thread that finds no flush running flushes for
 *       every record written so far, the others wait for it (fewer flushes, each record waits for a whole one);</li>
 *   <li>{@link Design#DIRECT_DSYNC}: each thread its own file opened {@code O_DIRECT|O_DSYNC}, a 4 KiB aligned
 *       block per record (the write returns when it is durable; no page cache, no separate flush call).</li>
 * </ul>
 */
final class DiskCeiling {

    enum Design {
        OWN_FLUSH("each writer its own fdatasync"),
        SHARED_FLUSH("writers sharing group-committed fdatasyncs"),
        DIRECT_DSYNC("each writer O_DIRECT|O_DSYNC");

        final String label;

        Design(String label) {
            this.label = label;
        }
    }

    record Ceiling(Design design, int writers, double perSecond) {
    }

    private static final int RECORD = 1024;
    private static final int ALIGNED_BLOCK = 4096;
    private static final long FILE_BYTES = 16L << 20;

    private DiskCeiling() {
    }

    static Ceiling measure(Design design, int writers, Path dir, double seconds) throws IOException {
        FileChannel[] files = new FileChannel[design == Design.SHARED_FLUSH ? 1 : writers];
        for (int i = 0; i < files.length; i++) {
            files[i] = open(dir.resolve("ceiling-" + i + ".bin"), design == Design.DIRECT_DSYNC);
        }
        try {
            AtomicLong records = new AtomicLong();
            GroupFlush group = new GroupFlush(files[0]);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            Thread[] threads = new Thread[writers];
            IOException[] failure = new IOException[1];
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads[w] = new Thread(() -> {
                    try {
                        records.addAndGet(switch (design) {
                            case OWN_FLUSH -> ownFlush(files[writer], end);
                            case SHARED_FLUSH -> group.run(writer, writers, end);
                            case DIRECT_DSYNC -> directDsync(files[writer], end);
                        });
                    } catch (IOException e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                }, "disk-ceiling-" + w);
                threads[w].start();
            }
            long begin = System.nanoTime();
            for (Thread t : threads) {
                t.join();
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            return new Ceiling(design, writers, records.get() / ((System.nanoTime() - begin) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            for (int i = 0; i < files.length; i++) {
                files[i].close();
                Files.deleteIfExists(dir.resolve("ceiling-" + i + ".bin"));
            }
        }
    }

    /** A preallocated file, so a flush never has to persist a size change. */
    private static FileChannel open(Path file, boolean direct) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long at = 0; at < FILE_BYTES; at += zeros.capacity()) {
                zeros.clear();
                ch.write(zeros, at);
            }
            ch.force(true);
        }
        Set<OpenOption> options = direct
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.DSYNC, ExtendedOpenOption.DIRECT)
                : Set.of(StandardOpenOption.WRITE);
        return FileChannel.open(file, options);
    }

    private static long ownFlush(FileChannel file, long end) throws IOException {
        ByteBuffer record = ByteBuffer.allocateDirect(RECORD);
        long n = 0;
        for (long at = 0; System.nanoTime() < end; at = (at + RECORD) % FILE_BYTES) {
            write(file, record, at);
            file.force(false);
            n++;
        }
        return n;
    }

    private static long directDsync(FileChannel file, long end) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(2 * ALIGNED_BLOCK).alignedSlice(ALIGNED_BLOCK);
        block.limit(ALIGNED_BLOCK);
        long n = 0;
        for (long at = 0; System.nanoTime() < end; at = (at + ALIGNED_BLOCK) % FILE_BYTES) {
            write(file, block, at);
            n++;
        }
        return n;
    }

    private static void write(FileChannel file, ByteBuffer buffer, long at) throws IOException {
        buffer.clear();
        buffer.limit(buffer.capacity());
        while (buffer.hasRemaining()) {
            file.write(buffer, at + buffer.position());
        }
    }

    /** Leader/follower group commit over one file: a record is durable once a flush that began after it ends. */
    private static final class GroupFlush {
        private final FileChannel file;
        private final Object lock = new Object();
        private long written; // records written, guarded by lock
        private long flushed; // records known durable, guarded by lock
        private boolean flushing; // guarded by lock

        GroupFlush(FileChannel file) {
            this.file = file;
        }

        long run(int writer, int writers, long end) throws IOException {
            ByteBuffer record = ByteBuffer.allocateDirect(RECORD);
            long region = FILE_BYTES / writers;
            long n = 0;
            for (long at = 0; System.nanoTime() < end; at = (at + RECORD) % region) {
                write(file, record, writer * region + at);
                long mine;
                synchronized (lock) {
                    mine = ++written;
                }
                awaitDurable(mine);
                n++;
            }
            return n;
        }

        private void awaitDurable(long mine) throws IOException {
            while (true) {
                long upTo;
                synchronized (lock) {
                    while (flushed < mine && flushing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted", e);
                        }
                    }
                    if (flushed >= mine) {
                        return;
                    }
                    flushing = true;
                    upTo = written;
                }
                try {
                    file.force(false);
                } finally {
                    synchronized (lock) {
                        flushing = false;
                        flushed = Math.max(flushed, upTo);
                        lock.notifyAll();
                    }
                }
            }
        }
    }

    /** {@code java -cp … dev.sluice.benchmarks.DiskCeiling [writers=4] [seconds=3] [dir=…]}. */
    public static void main(String[] args) throws IOException {
        int writers = 4;
        double seconds = 3;
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "writers" -> writers = Integer.parseInt(kv[1]);
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                case "dir" -> parent = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]
                        + " (known: writers, seconds, dir)");
            }
        }
        Path dir = Files.createTempDirectory(parent, "sluice-disk-ceiling-");
        try {
            for (Design design : Design.values()) {
                System.out.println(describe(measure(design, writers, dir, seconds)));
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    static String describe(Ceiling c) {
        return String.format(Locale.ROOT, "%s, %d writers: %,.0f durable records/s", c.design().label, c.writers(),
                c.perSecond());
    }
}
