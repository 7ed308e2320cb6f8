/**
 * Using a model trained by {@code mtc} from Java code: {@link mtc.api.Model} loads a {@code .mt}
 * file with its weights and classifies samples, from any number of threads at once; every
 * mistake in the files or the input is an {@link mtc.api.MtcException} whose message is what the
 * {@code mtc} command prints for it.
 */
package mtc.api;
