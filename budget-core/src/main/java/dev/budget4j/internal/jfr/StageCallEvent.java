package dev.budget4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One call of a budgeted stage. Disabled by default in JFR, and only emitted at all when the
 * stage was built with per-call JFR events switched on, so the default hot path pays nothing.
 */
@Name("dev.budget4j.StageCall")
@Label("Budgeted Stage Call")
@Category("budget4j")
@Description("One call of a budgeted stage")
@Enabled(false)
@StackTrace(false)
public final class StageCallEvent extends Event {
    @Label("Stage")
    public String stage;
    @Label("Failed")
    public boolean failed;
    @Label("Allocated Bytes")
    public long allocatedBytes;
}
