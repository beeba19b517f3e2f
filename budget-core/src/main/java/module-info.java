/**
 * budget4j core: {@link dev.budget4j.Stage}, {@link dev.budget4j.Budget} and the
 * {@link dev.budget4j.Budgets#budgetedStage budgetedStage} decorator.
 *
 * <p>HdrHistogram 2.2.2 ships without a module descriptor, so it is required here by the name
 * derived from its jar file. The alternative, leaving budget-core as an automatic module, would
 * hide which packages are API; we prefer a real descriptor and accept Maven's warning about a
 * filename-based module name until HdrHistogram publishes one.
 *
 * <p>Two internal packages have qualified exports. {@code dev.budget4j.internal} goes to
 * budget-profile alone, whose harness reads allocation through the same meter as a budgeted
 * stage. {@code dev.budget4j.internal.util} (argument checks, text tables) goes to every budget4j
 * module built on this one, so all of budget4j shares one helper and one message shape without
 * making it API (see docs/architecture.md). Those modules are not present when budget-core is
 * compiled, so the "module not found" warning of the qualified exports is suppressed.
 */
@SuppressWarnings("module")
module dev.budget4j.core {
    requires transitive HdrHistogram;
    requires org.slf4j;
    requires jdk.jfr;
    requires java.management;
    requires static jdk.management;

    exports dev.budget4j;
    exports dev.budget4j.spi;
    exports dev.budget4j.internal.jfr to jdk.jfr;
    exports dev.budget4j.internal to dev.budget4j.profile;
    exports dev.budget4j.internal.util to
            dev.budget4j.profile, dev.budget4j.junit, dev.budget4j.micrometer, dev.budget4j.spark;

    uses dev.budget4j.spi.MemoryProbe;
}
