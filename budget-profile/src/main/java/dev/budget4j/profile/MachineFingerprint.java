package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * What a measurement ran on, from OSHI and the JVM's properties. Numbers from two different
 * fingerprints are not comparable without care, so the {@link Gate} flags a difference and can
 * refuse it.
 *
 * @param cpu the processor's model name
 * @param physicalCores physical cores, {@code >= 0} (0 when unknown)
 * @param logicalCores logical processors, {@code >= 0} (0 when unknown)
 * @param memoryBytes total physical memory in bytes, {@code >= 0} (0 when unknown)
 * @param os operating system family and version
 * @param jvmVendor {@code java.vm.vendor}
 * @param jvmVersion {@code java.vm.version}
 */
public record MachineFingerprint(String cpu, int physicalCores, int logicalCores, long memoryBytes, String os,
        String jvmVendor, String jvmVersion) {

    /**
     * Validates the fields.
     *
     * @param cpu see the record description
     * @param physicalCores see the record description
     * @param logicalCores see the record description
     * @param memoryBytes see the record description
     * @param os see the record description
     * @param jvmVendor see the record description
     * @param jvmVersion see the record description
     */
    public MachineFingerprint {
        Require.notNull(cpu, "cpu");
        Require.notNull(os, "os");
        Require.notNull(jvmVendor, "jvmVendor");
        Require.notNull(jvmVersion, "jvmVersion");
        Require.atLeast(physicalCores, 0, "physicalCores");
        Require.atLeast(logicalCores, 0, "logicalCores");
        Require.atLeast(memoryBytes, 0, "memoryBytes");
    }

    /**
     * Reads this machine's fingerprint (tens of milliseconds on first use: OSHI loads native
     * bindings).
     *
     * @return the fingerprint
     */
    public static MachineFingerprint current() {
        String cpu = "unknown";
        int physical = 0;
        int logical = 0;
        long memory = 0;
        String os = System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "");
        try {
            SystemInfo si = new SystemInfo();
            HardwareAbstractionLayer hal = si.getHardware();
            CentralProcessor p = hal.getProcessor();
            cpu = p.getProcessorIdentifier().getName().trim();
            physical = p.getPhysicalProcessorCount();
            logical = p.getLogicalProcessorCount();
            memory = hal.getMemory().getTotal();
            OperatingSystem o = si.getOperatingSystem();
            os = o.getFamily() + " " + o.getVersionInfo();
        } catch (RuntimeException | LinkageError e) {
            logical = Runtime.getRuntime().availableProcessors();
        }
        return new MachineFingerprint(cpu, Math.max(0, physical), Math.max(0, logical), Math.max(0, memory), os.trim(),
                System.getProperty("java.vm.vendor", "unknown"), System.getProperty("java.vm.version", "unknown"));
    }

    /**
     * The fields that differ, for people.
     *
     * @param other the other fingerprint, not null
     * @return e.g. {@code ["cpu: Intel X != AMD Y"]}; empty when the machines match
     */
    public List<String> differences(MachineFingerprint other) {
        Require.notNull(other, "other");
        List<String> out = new ArrayList<>();
        diff(out, "cpu", cpu, other.cpu);
        diff(out, "physicalCores", physicalCores, other.physicalCores);
        diff(out, "logicalCores", logicalCores, other.logicalCores);
        diff(out, "memoryBytes", memoryBytes, other.memoryBytes);
        diff(out, "os", os, other.os);
        diff(out, "jvmVendor", jvmVendor, other.jvmVendor);
        diff(out, "jvmVersion", jvmVersion, other.jvmVersion);
        return out;
    }

    private static void diff(List<String> out, String field, Object a, Object b) {
        if (!a.equals(b)) {
            out.add(field + ": " + a + " != " + b);
        }
    }
}
