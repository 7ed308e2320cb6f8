package mtc.train;

/**
 * Training stopped early because it was asked to (Ctrl-C), between two batches; the weights and
 * {@link #position()} together describe the run so far, ready to be saved and continued.
 */
public final class TrainingStopped extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient TrainPosition position;

    public TrainingStopped(TrainPosition position) {
        super("training stopped in epoch " + position.epoch());
        this.position = position;
    }

    public TrainPosition position() { return position; }
}
