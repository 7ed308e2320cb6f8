package mtc.runtime;

/** Element types of state tensors, named as safetensors names them. */
public enum DType {
    F32(4), I64(8);

    private final int bytes;

    DType(int bytes) { this.bytes = bytes; }

    public int bytes() { return bytes; }
}
