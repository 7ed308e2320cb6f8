package mtc.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import mtc.io.AtomicFiles;

/**
 * The decoded pictures of an image folder, kept on disk in the per-user cache so that a second run
 * reads them back in well under a second instead of decoding every picture again. One file per
 * folder and input size, holding the bytes exactly as {@link Dataset} keeps them (so they are
 * read straight into its arrays) and a stamp of every picture's path, size and modification time:
 * a folder that changed in any way is decoded again and the file replaced.
 *
 * <p>Layout: {@code MAGIC}, the 32-byte stamp, five ints (channels, height, width, train count,
 * test count), the train pixels, the test pixels, then the train and test labels as ints.
 */
final class ImageFolderCache {
    private static final byte[] MAGIC = "mtc-image-cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int STAMP = 32;
    private static final int HEADER = MAGIC.length + STAMP + 5 * Integer.BYTES;

    private final Path file;
    private final byte[] stamp;

    private ImageFolderCache(Path file, byte[] stamp) {
        this.file = file;
        this.stamp = stamp;
    }

    /** The cache entry for {@code index} at {@code target}'s size, below {@code cacheDir}. */
    static ImageFolderCache of(Path cacheDir, ImageFolderIndex index, ImageInput.Target target) {
        String key = index.dir().toAbsolutePath().normalize() + "\n" + target;
        String name = HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        return new ImageFolderCache(cacheDir.resolve(name + ".bin"), stamp(index, target));
    }

    Path file() { return file; }

    /** The two sets as cached, or null when the file is missing, stale or unreadable. */
    ImageFolderData.Sets read(ImageFolderIndex index, ImageInput.Target target) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            if (ch.read(header, 0) != HEADER) return null;
            header.flip();
            byte[] magic = new byte[MAGIC.length], found = new byte[STAMP];
            header.get(magic).get(found);
            int[] dims = {header.getInt(), header.getInt(), header.getInt(), header.getInt(), header.getInt()};
            int[] expected = {target.channels(), target.height(), target.width(), index.train().size(),
                    index.test().size()};
            if (!Arrays.equals(magic, MAGIC) || !Arrays.equals(found, stamp) || !Arrays.equals(dims, expected)) {
                return null;
            }
            long size = target.size();
            if (ch.size() != HEADER + (size + Integer.BYTES) * (dims[3] + dims[4])) return null;
            return readSets(ch, index, target);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // a cache that cannot be read is decoded again, as if it were not there
        }
    }

    private static ImageFolderData.Sets readSets(FileChannel ch, ImageFolderIndex index, ImageInput.Target target)
            throws IOException {
        int size = target.size(), nTrain = index.train().size(), nTest = index.test().size();
        byte[] train = new byte[nTrain * size], test = new byte[nTest * size];
        long at = HEADER;
        at = readFully(ch, at, ByteBuffer.wrap(train));
        at = readFully(ch, at, ByteBuffer.wrap(test));
        ByteBuffer labels = ByteBuffer.allocate((nTrain + nTest) * Integer.BYTES);
        readFully(ch, at, labels);
        labels.flip();
        int[] trainLabels = new int[nTrain], testLabels = new int[nTest];
        labels.asIntBuffer().get(trainLabels).get(testLabels);
        return new ImageFolderData.Sets(train, trainLabels, test, testLabels);
    }

    private static long readFully(FileChannel ch, long at, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int n = ch.read(into, at);
            if (n < 0) throw new IOException("truncated");
            at += n;
        }
        return at;
    }

    /** Writes {@code sets} atomically; a cache that cannot be written is only a slower next run. */
    boolean write(ImageInput.Target target, ImageFolderData.Sets sets) {
        try {
            AtomicFiles.write(file, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.write(MAGIC);
                out.write(stamp);
                for (int v : new int[] {target.channels(), target.height(), target.width(), sets.trainLabels().length,
                        sets.testLabels().length}) {
                    out.writeInt(v);
                }
                out.write(sets.trainPixels());
                out.write(sets.testPixels());
                for (int v : sets.trainLabels()) out.writeInt(v);
                for (int v : sets.testLabels()) out.writeInt(v);
                out.flush();
            });
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A digest of every picture's path, label, size and modification time, and the target size. */
    private static byte[] stamp(ImageFolderIndex index, ImageInput.Target target) {
        StringBuilder text = new StringBuilder(target.toString()).append('\n');
        for (List<ImageFolderIndex.Picture> set : List.of(index.train(), index.test())) {
            for (ImageFolderIndex.Picture p : set) {
                text.append(p.file()).append('\t').append(p.label()).append('\t').append(p.size()).append('\t')
                        .append(p.modified()).append('\n');
            }
            text.append("--\n");
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
