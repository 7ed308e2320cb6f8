package mtc.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Ten epochs of each schedule from a rate of 0.1, against the rates PyTorch 1.13's schedulers give
 * (printed by a script stepping each once per epoch after {@code SGD(lr=0.1)}; the objects are in
 * each test's comment). Compared in double to 1e-15 of the rate: the same recursive formulas, with
 * at most a last-bit difference in {@code cos}.
 */
class ScheduleSpecTest {
    private static final double BASE = 0.1;

    private static void assertRates(double[] torch, ScheduleSpec schedule) {
        assertArrayEquals(torch, schedule.lrs(BASE, torch.length), 1e-16);
    }

    /** {@code StepLR(step_size=3, gamma=0.1)}. */
    @Test
    void step() {
        assertRates(new double[] {0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002,
                0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.00010000000000000003},
                ScheduleSpec.step(3, 0.1, 0));
    }

    /** {@code CosineAnnealingLR(T_max=10, eta_min=0.001)}. */
    @Test
    void cosine() {
        assertRates(new double[] {0.1, 0.09757729755661011, 0.0905463412215599, 0.07959536998847742,
                0.0657963412215599, 0.0505, 0.03520365877844011, 0.02140463001152259, 0.010453658778440109,
                0.0034227024433899004}, ScheduleSpec.cosine(0.001, 0));
    }

    /** {@code SequentialLR([LinearLR(start_factor=0.1, total_iters=3), CosineAnnealingLR(T_max=7)], [3])}. */
    @Test
    void cosineWithWarmup() {
        assertRates(new double[] {0.010000000000000002, 0.04, 0.07, 0.1, 0.09504844339512096, 0.08117449009293669,
                0.061126046697815725, 0.03887395330218429, 0.018825509907063328, 0.004951556604879048},
                ScheduleSpec.cosine(0, 3));
    }

    /** {@code SequentialLR([LinearLR(start_factor=0.1, total_iters=2), StepLR(step_size=3, gamma=0.5)], [2])}. */
    @Test
    void stepWithWarmup() {
        assertRates(new double[] {0.010000000000000002, 0.05500000000000001, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025,
                0.025}, ScheduleSpec.step(3, 0.5, 2));
    }

    @Test
    void constantKeepsTheRateAndTextRoundTrips() {
        assertArrayEquals(new double[] {BASE, BASE, BASE}, ScheduleSpec.CONSTANT.lrs(BASE, 3));
        for (ScheduleSpec s : new ScheduleSpec[] {ScheduleSpec.CONSTANT, ScheduleSpec.step(3, 0.5, 2),
                ScheduleSpec.cosine(1e-4, 1)}) {
            assertEquals(s, ScheduleSpec.parse(s.text()));
        }
    }
}
