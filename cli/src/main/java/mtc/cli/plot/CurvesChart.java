package mtc.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import mtc.io.AtomicFiles;
import mtc.train.EpochResult;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture of {@code mtc plot} and {@code mtc train --plot}: two panels sharing the epoch
 * axis, loss above and accuracy below; one colour per run, test solid and train dashed, and one
 * legend that names the runs and says which line is which.
 */
public final class CurvesChart {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 750;
    /** Tableau's ten colours: distinct for most colour-blind readers, and on white. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final Stroke TEST = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke TRAIN = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {7f, 5f}, 0f);
    /** With more epochs than this, markers on every point would hide the lines. */
    private static final int MAX_MARKED_EPOCHS = 30;
    /** Values spanning more than this ratio get a logarithmic axis. */
    private static final double LOG_RATIO = 1000;
    private static final Shape MARKER = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
    private static final Color GRID = new Color(0xe4e4e4);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    static {
        System.setProperty("java.awt.headless", "true"); // a server or CI has no display; none is needed
    }

    private CurvesChart() {}

    /** The two panels, in the order they are stacked. */
    public enum Panel { LOSS, ACCURACY }

    /** A drawn chart, and where a value of a panel is on it (for tests that check the lines' positions). */
    public record Drawing(BufferedImage image, ChartRenderingInfo info, CombinedDomainXYPlot plot) {
        /** The pixel at which {@code value} (a loss, or an accuracy in [0,1]) after {@code epoch} is drawn. */
        public Point2D at(Panel panel, double epoch, double value) {
            Rectangle2D area = info.getPlotInfo().getSubplotInfo(panel.ordinal()).getDataArea();
            XYPlot sub = plot.getSubplots().get(panel.ordinal());
            double y = panel == Panel.ACCURACY ? 100 * value : value;
            return new Point2D.Double(plot.getDomainAxis().valueToJava2D(epoch, area, RectangleEdge.BOTTOM),
                    sub.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT));
        }
    }

    /** The colour of the {@code i}-th run's lines. */
    public static Color colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** Draws {@code runs} (at least one) to {@code file} as a PNG, atomically. */
    public static void write(List<MetricsRun> runs, Path file) throws IOException {
        BufferedImage image = draw(runs).image();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    public static Drawing draw(List<MetricsRun> runs) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(axis("epoch", true));
        plot.setGap(16);
        plot.add(panel(runs, "loss", r -> r.trainLoss(), r -> r.testLoss()), 1);
        plot.add(panel(runs, "accuracy (%)", r -> 100 * r.trainAcc(), r -> 100 * r.testAcc()), 1);
        plot.setFixedLegendItems(legend(runs));
        JFreeChart chart = new JFreeChart(null, LABELS, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title(runs), new Font(Font.SANS_SERIF, Font.BOLD, 18)));
        chart.getLegend().setItemFont(LABELS);
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        chart.getLegend().setFrame(BlockBorder.NONE);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        return new Drawing(image, info, plot);
    }

    private static XYPlot panel(List<MetricsRun> runs, String label, ToDoubleFunction<EpochResult> train,
                                ToDoubleFunction<EpochResult> test) {
        XYSeriesCollection lines = new XYSeriesCollection();
        boolean marked = runs.stream().allMatch(r -> r.epochs().size() <= MAX_MARKED_EPOCHS);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, marked);
        for (int i = 0; i < runs.size(); i++) {
            MetricsRun run = runs.get(i);
            lines.addSeries(series(run.name() + " train", run.epochs(), train));
            lines.addSeries(series(run.name() + " test", run.epochs(), test));
            for (int k = 2 * i; k <= 2 * i + 1; k++) {
                renderer.setSeriesPaint(k, colour(i));
                renderer.setSeriesStroke(k, k % 2 == 0 ? TRAIN : TEST);
                renderer.setSeriesShape(k, MARKER);
            }
        }
        XYPlot plot = new XYPlot(lines, null, spansDecades(lines) ? logAxis(label) : axis(label, false), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(new Color(0x999999));
        return plot;
    }

    /** Points in file order; a resumed run's repeated epoch is drawn where it is, not sorted away. */
    private static XYSeries series(String name, List<EpochResult> epochs, ToDoubleFunction<EpochResult> value) {
        XYSeries series = new XYSeries(name, false, true);
        for (EpochResult r : epochs) series.add(r.epoch(), value.applyAsDouble(r));
        return series;
    }

    /**
     * Whether the values are all positive and span more than {@link #LOG_RATIO}: a diverged run's
     * loss of 1e26 beside 0.1 on a linear axis would flatten every other line to zero.
     */
    private static boolean spansDecades(XYSeriesCollection lines) {
        double low = Double.POSITIVE_INFINITY, high = 0;
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            for (int i = 0; i < lines.getItemCount(s); i++) {
                double y = lines.getYValue(s, i);
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        return low > 0 && high / low > LOG_RATIO;
    }

    private static ValueAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setBase(10);
        axis.setBaseSymbol("10");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole powers of ten
        axis.setMinorTickCount(1);
        axis.setLabelFont(LABELS);
        axis.setTickLabelFont(LABELS.deriveFont(13f));
        return axis;
    }

    private static NumberAxis axis(String label, boolean wholeNumbers) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABELS);
        axis.setTickLabelFont(LABELS.deriveFont(13f));
        axis.setAutoRangeIncludesZero(false);
        if (wholeNumbers) axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /** One entry per run in its colour, then what the solid and dashed lines mean. */
    private static LegendItemCollection legend(List<MetricsRun> runs) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        for (int i = 0; i < runs.size(); i++) {
            items.add(new LegendItem(runs.get(i).name(), null, null, null, line, TEST, colour(i)));
        }
        items.add(new LegendItem("test", null, null, null, line, TEST, Color.DARK_GRAY));
        items.add(new LegendItem("train", null, null, null, line, TRAIN, Color.DARK_GRAY));
        return items;
    }

    private static String title(List<MetricsRun> runs) {
        String names = runs.stream().map(MetricsRun::name).collect(Collectors.joining(", "));
        return names.length() <= 80 ? names : runs.size() + " runs";
    }
}
