package dev.budget4j.micrometer.internal;

import java.util.Map;

/**
 * One Prometheus alerting rule.
 *
 * @param alert the alert name
 * @param expr the PromQL expression, true while the limit is missed
 * @param labels labels added to the alert, in order
 * @param annotations annotations of the alert, in order
 */
record AlertRule(String alert, String expr, Map<String, String> labels, Map<String, String> annotations) {
}
