package mtc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mtc.data.Dataset;
import mtc.runtime.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    /** {@code count} samples of 784 pixels where class c lights up pixels [c*78, c*78+78) plus noise. */
    static Dataset blobs(int count, long seed) {
        Rng rng = new Rng(seed);
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            for (int k = 0; k < 784; k++) {
                boolean on = k / 78 == labels[i];
                pixels[i * 784 + k] = (byte) (on ? 150 + rng.nextInt(100) : rng.nextInt(60));
            }
        }
        return new Dataset("images", "labels", count, 28, 28, pixels, labels);
    }

    private static List<EpochResult> train(SoftmaxNetwork net, long seed, int epochs) throws Exception {
        Rng rng = new Rng(seed);
        net.initialize(rng);
        return new Trainer(net, blobs(200, 1), blobs(50, 2), new TrainConfig(epochs, 16, 0.1f, Integer.MAX_VALUE,
                true), rng, new TrainListener() { }).run();
    }

    @Test
    void learnsASeparableProblem() throws Exception {
        List<EpochResult> results = train(SoftmaxNetwork.mnist(), 0, 3);
        assertEquals(3, results.size());
        assertEquals(1.0, results.get(2).testAcc());
        assertTrue(results.get(2).trainLoss() < results.get(0).trainLoss());
    }

    @Test
    void sameSeedGivesIdenticalNumbers() throws Exception {
        SoftmaxNetwork a = SoftmaxNetwork.mnist(), b = SoftmaxNetwork.mnist(), c = SoftmaxNetwork.mnist();
        List<EpochResult> ra = train(a, 42, 2), rb = train(b, 42, 2);
        train(c, 43, 2);
        for (int i = 0; i < ra.size(); i++) {
            assertEquals(ra.get(i).trainLoss(), rb.get(i).trainLoss());
            assertEquals(ra.get(i).testLoss(), rb.get(i).testLoss());
        }
        assertArrayEquals(a.floats(0), b.floats(0));
        assertNotEquals(Arrays.hashCode(a.floats(0)), Arrays.hashCode(c.floats(0)));
    }

    @Test
    void batchesCoverEverySampleOnceWithAPartialLastBatch() throws Exception {
        RecordingNetwork net = new RecordingNetwork(-1);
        new Trainer(net, blobs(20, 1), blobs(5, 2), new TrainConfig(1, 6, 0.1f, Integer.MAX_VALUE, true),
                new Rng(0), new TrainListener() { }).run();
        assertEquals(List.of(6, 6, 6, 2), net.batches.stream().map(b -> b.length).toList());
        int[] seen = net.batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(sortedLabels(20), seen);
    }

    @Test
    void noShuffleKeepsFileOrderAndLimitTakesTheFirstSamples() throws Exception {
        RecordingNetwork net = new RecordingNetwork(-1);
        new Trainer(net, blobs(20, 1), blobs(5, 2), new TrainConfig(2, 4, 0.1f, 7, false), new Rng(0),
                new TrainListener() { }).run();
        assertArrayEquals(new int[] {0, 1, 2, 3}, net.batches.get(0));
        assertArrayEquals(new int[] {4, 5, 6}, net.batches.get(1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, net.batches.get(2));
    }

    @Test
    void shufflingDrawsANewOrderEachEpochFromTheSameRng() throws Exception {
        RecordingNetwork net = new RecordingNetwork(-1);
        new Trainer(net, blobs(64, 1), blobs(5, 2), new TrainConfig(2, 64, 0.1f, Integer.MAX_VALUE, true),
                new Rng(5), new TrainListener() { }).run();
        assertNotEquals(Arrays.toString(net.batches.get(0)), Arrays.toString(net.batches.get(1)));
        assertNotEquals(net.randomDraws.get(0), net.randomDraws.get(1));
    }

    @Test
    void aNanLossStopsTrainingInThatBatch() {
        RecordingNetwork net = new RecordingNetwork(3);
        DivergedException e = assertThrows(DivergedException.class, () -> new Trainer(net, blobs(20, 1),
                blobs(5, 2), new TrainConfig(1, 4, 0.5f, Integer.MAX_VALUE, true), new Rng(0),
                new TrainListener() { }).run());
        assertEquals(3, net.batches.size());
        assertEquals("training diverged: the loss of epoch 1, batch 3 is NaN; try a smaller learning rate than"
                + " --lr 0.5 (e.g. --lr 0.05)", e.getMessage());
    }

    @Test
    void listenersHearEveryBatchAndEpochAndTheCsvGetsOneRowPerEpoch(@TempDir Path dir) throws Exception {
        List<String> events = new ArrayList<>();
        TrainListener recorder = new TrainListener() {
            @Override public void epochStarted(int epoch, int epochs, int samples) {
                events.add("start " + epoch + "/" + epochs + " " + samples);
            }

            @Override public void batchFinished(int done, mtc.runtime.StepStats running) {
                events.add("batch " + done);
            }

            @Override public void epochFinished(EpochResult r, int epochs) {
                events.add("end " + r.epoch());
            }
        };
        Path csv = dir.resolve("sub/m.csv");
        try (MetricsCsv metrics = new MetricsCsv(csv)) {
            new Trainer(new RecordingNetwork(-1), blobs(10, 1), blobs(5, 2), new TrainConfig(2, 8, 0.1f,
                    Integer.MAX_VALUE, true), new Rng(0), TrainListener.all(List.of(recorder, metrics))).run();
        }
        assertEquals(List.of("start 1/2 10", "batch 8", "batch 10", "end 1", "start 2/2 10", "batch 8", "batch 10",
                "end 2"), events);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("1,1.000000,0.000000,"), lines.get(1));
    }

    @Test
    void aRunStoppedMidEpochAndResumedDrawsTheSameBatchesAndRandomNumbers() throws Exception {
        RecordingNetwork straight = new RecordingNetwork(-1);
        List<EpochResult> expected = recorderRun(straight, TrainPosition.startOf(1, 7), () -> false);
        RecordingNetwork resumed = new RecordingNetwork(-1);
        int[] calls = {0};
        TrainingStopped stop = assertThrows(TrainingStopped.class,
                () -> recorderRun(resumed, TrainPosition.startOf(1, 7), () -> ++calls[0] == 6));
        assertEquals(new TrainPosition(2, stop.position().epochRng(), stop.position().rng(), 8, 8, 0, 8),
                stop.position());
        List<EpochResult> rest = recorderRun(resumed, stop.position(), () -> false);
        assertEquals(straight.randomDraws, resumed.randomDraws);
        assertEquals(straight.batches.stream().map(Arrays::toString).toList(),
                resumed.batches.stream().map(Arrays::toString).toList());
        assertEquals(expected.get(1).trainLoss(), rest.get(0).trainLoss());
        assertEquals(2, rest.size());
    }

    @Test
    void aStopEndsTheRunAfterTheBatchInProgressOrAtTheNextEpochsStart() throws Exception {
        TrainingStopped stop = assertThrows(TrainingStopped.class, () -> recorderRun(new RecordingNetwork(-1),
                TrainPosition.startOf(1, 7), () -> true));
        assertEquals(1, stop.position().epoch());
        assertEquals(4, stop.position().samplesDone());
        int[] calls = {0};
        stop = assertThrows(TrainingStopped.class, () -> recorderRun(new RecordingNetwork(-1),
                TrainPosition.startOf(1, 7), () -> ++calls[0] == 4));
        assertEquals(2, stop.position().epoch());
        assertFalse(stop.position().midEpoch());
    }

    @Test
    void softmaxWeightsAfterAResumeEqualThoseOfAnUninterruptedRun() throws Exception {
        SoftmaxNetwork a = SoftmaxNetwork.mnist(), b = SoftmaxNetwork.mnist();
        TrainConfig config = new TrainConfig(2, 16, 0.1f, Integer.MAX_VALUE, true);
        new Trainer(a, blobs(100, 1), blobs(20, 2), config, new Rng(3), new TrainListener() { }).run();
        int[] calls = {0};
        TrainingStopped stop = assertThrows(TrainingStopped.class, () -> new Trainer(b, blobs(100, 1), blobs(20, 2),
                config, new Rng(3), new TrainListener() { }, TrainPosition.startOf(1, 3), () -> ++calls[0] == 9).run());
        new Trainer(b, blobs(100, 1), blobs(20, 2), config, new Rng(99), new TrainListener() { }, stop.position(),
                () -> false).run();
        assertArrayEquals(a.floats(0), b.floats(0));
        assertArrayEquals(a.floats(1), b.floats(1));
    }

    /** Three epochs of 10 samples in batches of 4 from {@code start}. */
    private static List<EpochResult> recorderRun(RecordingNetwork net, TrainPosition start,
                                                 java.util.function.BooleanSupplier stop) throws Exception {
        return new Trainer(net, blobs(10, 1), blobs(5, 2), new TrainConfig(3, 4, 0.1f, Integer.MAX_VALUE, true),
                new Rng(0), new TrainListener() { }, start, stop).run();
    }

    @Test
    void epochLineAndSummary() {
        EpochResult r = new EpochResult(3, 0.12345, 0.9612, 0.0789, 0.9781, 2.5, 24000);
        assertEquals("epoch  3/10  train loss 0.1235 acc  96.12%  test loss 0.0789 acc  97.81%    2.50 s    24000"
                + " samples/s", r.describe(10));
        assertEquals("trained 1 epoch in 2.5 s (24000 samples/s); test accuracy 97.81% (loss 0.0789), best 97.81%"
                + " after epoch 3", TrainSummary.describe(List.of(r)));
        EpochResult exploded = new EpochResult(1, 4.6e26, 0.1, 7.6e27, 0.1, 2.5, 24000);
        assertEquals("epoch 1/1  train loss 4.60e+26 acc  10.00%  test loss 7.60e+27 acc  10.00%    2.50 s    24000"
                + " samples/s", exploded.describe(1), "an exploded loss in a few characters");
    }

    /** The labels of {@code blobs(n, ...)}, sorted. */
    private static int[] sortedLabels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 10;
        Arrays.sort(labels);
        return labels;
    }
}
