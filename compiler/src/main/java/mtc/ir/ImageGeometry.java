package mtc.ir;

import mtc.check.Window;

/**
 * The sizes of one convolution or pooling over one sample: {@code [channelsIn, h, w]} in,
 * {@code [channelsOut, oh, ow]} out, the window between them. Every one is a constant of the
 * generated kernel call.
 */
public record ImageGeometry(int channelsIn, int h, int w, int channelsOut, Window window, int oh, int ow) {
    @Override
    public String toString() {
        return "k=" + window.kh() + "x" + window.kw() + " stride=" + window.sh() + "x" + window.sw() + " pad="
                + window.padTop() + "," + window.padLeft() + " dilation=" + window.dh() + "x" + window.dw();
    }
}
