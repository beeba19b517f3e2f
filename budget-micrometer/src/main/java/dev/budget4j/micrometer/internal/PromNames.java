package dev.budget4j.micrometer.internal;

import dev.budget4j.micrometer.MeterNames;

/**
 * The names Micrometer's Prometheus registry gives the meters, under its default naming
 * convention: dots become underscores, a timer gets its base unit {@code _seconds}, a summary in
 * bytes {@code _bytes}, a counter {@code _total}; histograms add {@code _bucket}, {@code _count},
 * {@code _sum}, and timers and summaries a {@code _max} gauge. The tests check these against the
 * registry's scrape text.
 */
public final class PromNames {
    private final MeterNames names;

    public PromNames(MeterNames names) {
        this.names = names;
    }

    static String snake(String micrometerName) {
        return micrometerName.replace('.', '_');
    }

    /** The latency histogram, without a suffix: {@code budget4j_stage_latency_seconds}. */
    public String latency() {
        return snake(names.latency()) + "_seconds";
    }

    public String latencyBucket() {
        return latency() + "_bucket";
    }

    public String latencyMax() {
        return latency() + "_max";
    }

    public String callsTotal() {
        return snake(names.calls()) + "_total";
    }

    public String failuresTotal() {
        return snake(names.failures()) + "_total";
    }

    /** The allocation summary, without a suffix: {@code budget4j_stage_allocation_bytes}. */
    public String allocation() {
        return snake(names.allocation()) + "_bytes";
    }

    public String allocationSum() {
        return allocation() + "_sum";
    }

    public String allocationCount() {
        return allocation() + "_count";
    }

    public String limit() {
        return snake(names.limit());
    }

    public String met() {
        return snake(names.met());
    }
}
