package mtc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDataTest {
    private static final ImageInput.Target GREY_4 = new ImageInput.Target(1, 4, 4);

    @TempDir Path dir;
    private final List<String> status = new ArrayList<>();

    private ImageFolderData.Loaded read(Path folder, ImageInput.Target target) throws DataException {
        return ImageFolderData.read(folder, target, dir.resolve("cache"), status::add);
    }

    @Test
    void picturesOfTheModelsSizeKeepTheirBytesAndClassesAreSortedByName() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        ImageFolderData.Loaded data = read(folder, GREY_4);
        assertEquals(List.of("cat", "dog"), data.classes().names());
        assertArrayEquals(new int[] {0, 0, 1}, data.train().labels());
        assertArrayEquals(new int[] {0, 1}, data.test().labels());
        assertEquals(16, data.train().sampleSize());
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 16; i++) {
                assertEquals(PictureFolders.value(s + 1, i), data.train().pixels()[s * 16 + i] & 0xFF);
            }
        }
        assertEquals(PictureFolders.value(5, 9), data.test().pixels()[16 + 9] & 0xFF);
    }

    @Test
    void rgbPicturesBecomeThreePlanesAndAreResizedToTheInput() throws Exception {
        Path folder = dir.resolve("colours");
        PictureFolders.colour(folder.resolve("train/a/1.png"), 10, 0xFF8040);
        PictureFolders.colour(folder.resolve("test/a/1.png"), 3, 0x102030);
        ImageFolderData.Loaded data = read(folder, new ImageInput.Target(3, 2, 2));
        byte[] train = data.train().pixels();
        assertEquals(12, train.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(0xFF, train[i] & 0xFF);
            assertEquals(0x80, train[4 + i] & 0xFF);
            assertEquals(0x40, train[8 + i] & 0xFF);
        }
        assertEquals(0x30, data.test().pixels()[8] & 0xFF);
    }

    @Test
    void aSecondReadComesFromTheCacheUntilAPictureChanges() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        ImageFolderData.Loaded first = read(folder, GREY_4);
        assertEquals(1, status.size(), "decoding is announced");
        ImageFolderData.Loaded second = read(folder, GREY_4);
        assertEquals(1, status.size(), "the second read is from the cache: " + status);
        assertArrayEquals(first.train().pixels(), second.train().pixels());
        assertArrayEquals(first.test().labels(), second.test().labels());

        Path changed = PictureFolders.grey(folder.resolve("train/dog/a.png"), 4, 9);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
        ImageFolderData.Loaded third = read(folder, GREY_4);
        assertEquals(2, status.size(), "a changed picture is decoded again");
        assertEquals(PictureFolders.value(9, 0), third.train().pixels()[32] & 0xFF);
        read(folder, new ImageInput.Target(1, 2, 2));
        assertEquals(3, status.size(), "another input size is another cache entry");
    }

    @Test
    void anUnreadablePictureIsNamed() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        Path broken = Files.writeString(folder.resolve("train/dog/broken.png"), "not a picture");
        DataException e = assertThrows(DataException.class, () -> read(folder, GREY_4));
        assertEquals(broken + ": not a PNG (or other readable) image", e.getMessage());
    }

    @Test
    void anEmptyClassIsAnError() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        Files.createDirectories(folder.resolve("train/emu"));
        Files.writeString(folder.resolve("train/emu/notes.txt"), "no pictures here");
        DataException e = assertThrows(DataException.class, () -> read(folder, GREY_4));
        assertEquals(folder.resolve("train/emu") + ": an empty class: no .png, .jpg or .jpeg pictures in it",
                e.getMessage());
    }

    @Test
    void aTestClassThatTrainingLacksIsAnError() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        PictureFolders.grey(folder.resolve("test/emu/z.png"), 4, 1);
        DataException e = assertThrows(DataException.class, () -> read(folder, GREY_4));
        assertEquals(folder.resolve("test/emu") + ": class emu is not in " + folder.resolve("train")
                + " (whose classes are cat, dog)", e.getMessage());
    }

    @Test
    void aMissingTestFolderIsAnError() throws Exception {
        Path folder = dir.resolve("only-train");
        PictureFolders.grey(folder.resolve("train/a/1.png"), 4, 1);
        DataException e = assertThrows(DataException.class, () -> read(folder, GREY_4));
        assertTrue(e.getMessage().startsWith(folder + ": an image folder needs a test folder"), e.getMessage());
    }

    @Test
    void anInputWithOtherThanOneOrThreeChannelsCannotTakePictures() throws Exception {
        Path folder = PictureFolders.catsAndDogs(dir.resolve("pets"), 4);
        DataException e = assertThrows(DataException.class, () -> read(folder, new ImageInput.Target(2, 4, 4)));
        assertTrue(e.getMessage().startsWith("the model takes 2 channels per pixel"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache")));
    }
}
