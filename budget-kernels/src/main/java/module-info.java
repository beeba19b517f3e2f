/**
 * budget4j kernels: {@link dev.budget4j.kernel.VectorKernels}, {@link dev.budget4j.kernel.FloatMatrix},
 * backend selection in {@link dev.budget4j.kernel.Kernels}, the plain-Java backend, and the SPI
 * ({@link dev.budget4j.kernel.spi.KernelProvider}, {@link dev.budget4j.kernel.spi.AbstractVectorKernels})
 * that the {@code vector} and {@code native} backends plug into.
 *
 * <p>{@code dev.budget4j.kernel.internal} holds the loops and the work splitting every built-in
 * backend shares. It is exported only to the two backend modules, so it can change without a
 * release note; a third-party backend gets the checked API and the hooks of
 * {@code AbstractVectorKernels}, not these helpers. The backends ship as automatic modules, which
 * this module cannot see when it is compiled: the {@code module} lint warning about the unknown
 * export targets is expected and suppressed.
 */
@SuppressWarnings("module")
module dev.budget4j.kernel {
    requires org.slf4j;

    exports dev.budget4j.kernel;
    exports dev.budget4j.kernel.spi;
    exports dev.budget4j.kernel.internal to dev.budget4j.vector, dev.budget4j.ffi;

    uses dev.budget4j.kernel.spi.KernelProvider;
}
