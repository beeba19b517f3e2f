package dev.budget4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A budget violation, recorded in JFR (enabled by default). */
@Name("dev.budget4j.Violation")
@Label("Budget Violation")
@Category("budget4j")
@Description("A stage missed one dimension of its performance budget")
@StackTrace(false)
public final class ViolationEvent extends Event {
    @Label("Stage")
    public String stage;
    @Label("Dimension")
    public String dimension;
    @Label("Limit")
    public String limit;
    @Label("Observed")
    public String observed;
    @Label("Samples")
    public long samples;
}
