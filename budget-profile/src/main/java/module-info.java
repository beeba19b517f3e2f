/**
 * budget4j profile: the OSHI memory probe behind core's {@code rss} dimensions, a measurement
 * harness, baselines with full histograms, a statistical gate with a command line, reports, the
 * optimization ladder, and an equivalence kit for backend tests.
 *
 * <p>jqwik is optional: only {@code dev.budget4j.profile.equivalence.FloatArbitraries} and
 * {@code TextArbitraries} need it on the path.
 */
module dev.budget4j.profile {
    requires transitive dev.budget4j.core;
    requires com.github.oshi;
    requires com.sun.jna;
    requires org.slf4j;
    requires tools.jackson.core;
    requires java.management;
    requires jdk.management;
    requires info.picocli;
    requires static net.jqwik.api;

    exports dev.budget4j.profile;
    exports dev.budget4j.profile.equivalence;

    // The command line's option fields are set by picocli through reflection.
    opens dev.budget4j.profile.cli to info.picocli;

    provides dev.budget4j.spi.MemoryProbe with dev.budget4j.profile.OshiMemoryProbe;
}
