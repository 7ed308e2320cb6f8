package mtc.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import mtc.runtime.Threads;

/**
 * Reads an image folder ({@link ImageFolderIndex}) into two {@link Dataset}s of the model's input
 * size, pictures decoded in parallel, then kept in memory as bytes like MNIST, so that an epoch
 * costs what an epoch over IDX files costs. The decoded bytes are also written to the per-user
 * cache ({@link ImageFolderCache}): the next run over the same, unchanged folder skips decoding.
 */
public final class ImageFolderData {
    /** Pictures beyond what one Java array of bytes can hold are refused rather than half-read. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private ImageFolderData() {}

    /** The decoded bytes and labels of both sets. */
    record Sets(byte[] trainPixels, int[] trainLabels, byte[] testPixels, int[] testLabels) {}

    /** Both sets and the class names, from the folder's sub-folders. */
    public record Loaded(Dataset train, Dataset test, ClassNames classes) {}

    /** Whether {@code dir} is laid out as an image folder ({@code dir/train/CLASS/...}). */
    public static boolean looksLike(Path dir) {
        return ImageFolderIndex.looksLike(dir);
    }

    /**
     * Reads {@code dir} at {@code target}'s size, from {@code cacheDir} when it holds this folder
     * as it is now; {@code status} hears about a long decode.
     */
    public static Loaded read(Path dir, ImageInput.Target target, Path cacheDir, Consumer<String> status)
            throws DataException {
        if (target.channels() != 1 && target.channels() != 3) {
            throw new DataException("the model takes " + target.channels() + " channels per pixel, but pictures give 1"
                    + " (grey, input [1,H,W] or [H*W]) or 3 (RGB, input [3,H,W])");
        }
        ImageFolderIndex index = ImageFolderIndex.of(dir);
        long pictures = index.train().size() + (long) index.test().size();
        if (Math.max(index.train().size(), index.test().size()) * (long) target.size() > MAX_BYTES) {
            throw new DataException(dir + ": " + pictures + " pictures of " + target.size() + " values are more than"
                    + " mtc can hold in memory; use a smaller input size or fewer pictures");
        }
        ImageFolderCache cache = ImageFolderCache.of(cacheDir, index, target);
        Sets sets = cache.read(index, target);
        if (sets == null) {
            status.accept("mtc: decoding the " + pictures + " pictures of " + dir + " (once: they are kept in "
                    + cache.file() + ")");
            sets = new Sets(decode(index.train(), target), labels(index.train()), decode(index.test(), target),
                    labels(index.test()));
            cache.write(target, sets);
        }
        String origin = dir.toString();
        return new Loaded(dataset(origin + "/train", sets.trainPixels(), sets.trainLabels(), target),
                dataset(origin + "/test", sets.testPixels(), sets.testLabels(), target),
                new ClassNames(index.classes()));
    }

    private static Dataset dataset(String origin, byte[] pixels, int[] labels, ImageInput.Target t) {
        return new Dataset(origin, origin, labels.length, t.channels(), t.height(), t.width(), pixels, labels);
    }

    private static int[] labels(List<ImageFolderIndex.Picture> pictures) {
        return pictures.stream().mapToInt(ImageFolderIndex.Picture::label).toArray();
    }

    /** Every picture's bytes, decoded on the configured threads; the first unreadable one is reported. */
    private static byte[] decode(List<ImageFolderIndex.Picture> pictures, ImageInput.Target target)
            throws DataException {
        int size = target.size();
        byte[] out = new byte[pictures.size() * size];
        DataException[] failures = new DataException[pictures.size()];
        AtomicBoolean failed = new AtomicBoolean();
        ForkJoinPool pool = new ForkJoinPool(Threads.current());
        try {
            pool.submit(() -> IntStream.range(0, pictures.size()).parallel().forEach(i -> {
                if (failed.get()) return;
                try {
                    ImageBytes.read(pictures.get(i).file(), target, out, i * size);
                } catch (DataException e) {
                    failures[i] = e;
                    failed.set(true);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while decoding pictures");
        } catch (ExecutionException e) {
            throw new DataException("cannot decode pictures: " + e.getCause());
        } finally {
            pool.shutdown();
        }
        for (DataException f : failures) if (f != null) throw f;
        return out;
    }
}
