package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.budget4j.profile.cli.GateCommand;
import dev.budget4j.profile.internal.ReadLimits;
import dev.budget4j.profile.internal.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of file budget4j reads (baselines of schema 1 and 2, JMH results, a run history, an
 * interval log), fuzzed as a corrupt or hostile file would be: random byte edits, truncations,
 * every string and number replaced by something long or out of range, 100,000 levels of nesting,
 * a 5,000,000-digit number, strings past the limit, empty files, binary garbage, a directory, a
 * file over the size limit. Every reader must either read the file or throw a
 * {@link BaselineFormatException} that names the file in a short message; no other throwable may
 * escape (a StackOverflowError or an exception without a file would reach the command line as an
 * exit code 1 with a stack trace). Seeded, so a failure repeats; a few seconds in all.
 */
class HostileFilesTest {
    private static final long SEED = 20_251_130L;
    /** Longest problem a message may carry, in characters: enough for the rule, never the input. */
    private static final int MAX_PROBLEM_CHARS = 400;
    /** A JSON string or number; the string part unrolled, so long strings do not recurse in the regex engine. */
    private static final Pattern TOKEN = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d[\\d.eE+-]*");
    private static final byte[] STRUCTURE = "{}[]\",:-.0123456789eEtfn\\ \n".getBytes(StandardCharsets.US_ASCII);

    /** The stored files of each kind, as budget4j and JMH wrote them, with the readers of that kind. */
    private static final Map<String, List<String>> SEEDS = seeds();

    private static Map<String, List<String>> seeds() {
        List<String> baseline = List.of("Baseline.read", "RunFiles.read (the gate's)");
        List<String> jmh = List.of("JmhResults.read", "JmhResults.isJmhJson", "RunFiles.read (the gate's)");
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("files/baseline-schema1.json", baseline);
        s.put("files/baseline-schema2.json", baseline);
        s.put("jmh/avgt.json", jmh);
        s.put("jmh/sample.json", jmh);
        s.put("jmh/thrpt.json", jmh);
        s.put("files/runs.jsonl", List.of("RunHistory.read"));
        s.put("files/fleet.hlog", List.of("RecordingLog.read", "RecordingLog.readBaseline", "RunFiles.read (the gate's)"));
        return s;
    }

    @TempDir
    Path dir;

    /** The hostile inputs are tens of megabytes: not kept for the rest of the test run. */
    @AfterAll
    static void dropTheInputs() {
        hostile = null;
    }

    private interface Reader {
        void read(Path file) throws Exception;
    }

    /** Every public way a file is read, by name. */
    private static Map<String, Reader> readers() {
        Map<String, Reader> r = new LinkedHashMap<>();
        r.put("Baseline.read", Baseline::read);
        r.put("JmhResults.read", JmhResults::read);
        r.put("JmhResults.isJmhJson", JmhResults::isJmhJson);
        r.put("RunHistory.read", RunHistory::read);
        r.put("RecordingLog.read", RecordingLog::read);
        r.put("RecordingLog.readBaseline", RecordingLog::readBaseline);
        r.put("RunFiles.read (the gate's)", RunFiles::read);
        return r;
    }

    static byte[] resource(String name) throws IOException {
        try (var in = HostileFilesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "test resource " + name);
            return in.readAllBytes();
        }
    }

    /** The file's own reader reads the unchanged file, so the fuzzing starts from files that work. */
    @Test
    void theStoredFilesRead() throws Exception {
        for (String seed : SEEDS.keySet()) {
            Path file = write(seed.substring(seed.indexOf('/') + 1), resource(seed));
            if (seed.endsWith(".hlog")) {
                assertEquals(6, RecordingLog.read(file).size(), seed);
            } else if (seed.endsWith(".jsonl")) {
                assertEquals(2, RunHistory.read(file).size(), seed);
            } else if (seed.startsWith("jmh/")) {
                assertTrue(JmhResults.isJmhJson(file), seed);
            } else {
                assertFalse(Baseline.read(file).stages().isEmpty(), seed);
            }
            if (!seed.endsWith(".jsonl")) {
                assertFalse(RunFiles.read(file).stages().isEmpty(), seed);
            }
        }
    }

    @Test
    void randomByteEditsAreReadOrRefusedByName() throws Exception {
        Random random = new Random(SEED);
        for (String seed : SEEDS.keySet()) {
            byte[] original = resource(seed);
            for (int i = 0; i < 20; i++) {
                byte[] bytes = original.clone();
                int edits = 1 + random.nextInt(4);
                for (int k = 0; k < edits; k++) {
                    bytes = edit(bytes, random);
                }
                readAll(seed + " with byte edits #" + i + " (seed " + SEED + ")", seed, bytes);
            }
        }
    }

    private static byte[] edit(byte[] b, Random random) {
        if (b.length == 0) {
            return new byte[] {STRUCTURE[random.nextInt(STRUCTURE.length)]};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(5)) {
            case 0: // any byte
                b[at] = (byte) random.nextInt(256);
                return b;
            case 1: // a byte that means something to JSON or to a log line
                b[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                return b;
            case 2: { // delete a run
                int n = Math.min(1 + random.nextInt(16), b.length - at);
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, out.length - at);
                return out;
            }
            case 3: { // repeat a run
                int n = Math.min(1 + random.nextInt(64), b.length - at);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at + n);
                System.arraycopy(b, at, out, at + n, b.length - at);
                return out;
            }
            default: // swap two bytes
                int other = random.nextInt(b.length);
                byte t = b[at];
                b[at] = b[other];
                b[other] = t;
                return b;
        }
    }

    @Test
    void everyTruncationIsReadOrRefusedByName() throws Exception {
        for (String seed : SEEDS.keySet()) {
            byte[] original = resource(seed);
            int step = Math.max(1, original.length / 20);
            for (int end = 0; end < original.length; end += step) {
                readAll(seed + " cut to " + end + " bytes", seed, java.util.Arrays.copyOf(original, end));
            }
            readAll(seed + " without its last byte", seed, java.util.Arrays.copyOf(original, original.length - 1));
        }
    }

    /**
     * Strings and numbers of the JSON files replaced, a string by a 5,000-character string, a
     * number by one out of range (beyond 64 bits, infinite, negative, fractional), and every third
     * by the other kind: every validator must quote such a value only in part. A file's first 16
     * tokens (the header, the first stage or entry), and 8 more at random.
     */
    @Test
    void longAndOutOfRangeValuesInManyPlacesAreQuotedShort() throws Exception {
        String longText = "\"" + "s\u00e9ance \u2014 ".repeat(500) + "\"";
        List<String> numbers = List.of("9".repeat(30), "1e999", "-1", "0.5", "-0", "9223372036854775807");
        Random random = new Random(SEED);
        for (String seed : SEEDS.keySet()) {
            if (seed.endsWith(".hlog")) {
                continue;
            }
            String text = new String(resource(seed), StandardCharsets.UTF_8);
            List<MatchResult> tokens = TOKEN.matcher(text).results().toList();
            List<Integer> places = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (i < 16 || random.nextInt(tokens.size()) < 8) {
                    places.add(i);
                }
            }
            for (int i : places) {
                MatchResult t = tokens.get(i);
                boolean string = t.group().startsWith("\"") != (i % 3 == 0);
                String replacement = string ? longText : numbers.get(i % numbers.size());
                String changed = text.substring(0, t.start()) + replacement + text.substring(t.end());
                readAll(seed + " with token " + i + " (" + ReadLimits.excerpt(t.group()) + ") replaced by "
                        + ReadLimits.excerpt(replacement), seed, changed.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void intervalLogFieldsThatAreLongOrOutOfRangeAreQuotedShort() throws Exception {
        String log = new String(resource("files/fleet.hlog"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?<==)[^ ,\\n]+|(?<=,)[^,\\n]+").matcher(log);
        List<String> replacements = List.of("x".repeat(5_000), "9".repeat(5_000), "%zz", "-");
        int index = 0;
        while (m.find()) {
            // every field once, the replacements in turn
            String replacement = replacements.get(index % replacements.size());
            String changed = log.substring(0, m.start()) + replacement + log.substring(m.end());
            readAll("fleet.hlog field " + index + " replaced by " + ReadLimits.excerpt(replacement), "files/fleet.hlog",
                    changed.getBytes(StandardCharsets.UTF_8));
            index++;
        }
    }

    private static Map<String, byte[]> hostile;

    /** The inputs of the problem report, and the other shapes a hostile file takes; built once. */
    static synchronized Map<String, byte[]> hostile() throws IOException {
        if (hostile == null) {
            hostile = Collections.unmodifiableMap(makeHostile());
        }
        return hostile;
    }

    private static Map<String, byte[]> makeHostile() throws IOException {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("100,000 nested arrays", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        cases.put("100,000 nested arrays, closed", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
        cases.put("100,000 nested objects", "{\"a\":".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        String baseline = new String(resource("files/baseline-schema2.json"), StandardCharsets.UTF_8);
        cases.put("a baseline with 100,000 nested arrays in a stage", baseline.replaceFirst("\"calls\": 1000",
                "\"calls\": " + "[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        cases.put("a 5,000,000-digit number", ("[" + "7".repeat(5_000_000) + "]").getBytes(StandardCharsets.US_ASCII));
        cases.put("a baseline with a 5,000,000-digit schema version", baseline.replace("\"schemaVersion\": 2",
                "\"schemaVersion\": " + "2".repeat(5_000_000)).getBytes(StandardCharsets.UTF_8));
        cases.put("a 5,000,000-digit fraction", ("[0." + "3".repeat(5_000_000) + "]").getBytes(StandardCharsets.US_ASCII));
        cases.put("a 5,000,000-character string", ("[\"" + "x".repeat(5_000_000) + "\"]").getBytes(StandardCharsets.US_ASCII));
        cases.put("a baseline with a 5,000,000-character stage name", baseline.replace("\"sort\": {",
                "\"" + "x".repeat(5_000_000) + "\": {").getBytes(StandardCharsets.UTF_8));
        cases.put("a baseline with a 5,000,000-character format", baseline.replace("\"budget4j-baseline\"",
                "\"" + "y".repeat(5_000_000) + "\"").getBytes(StandardCharsets.UTF_8));
        cases.put("a history line with a 5,000,000-character date", ("{\"createdAt\":\"" + "2".repeat(5_000_000)
                + "\",\"stages\":{}}\n").getBytes(StandardCharsets.US_ASCII));
        cases.put("an interval log with a 5,000,000-character line", ("#[Histogram log format version 1.3]\n"
                + "Tag=a,0.0,1.0,1.0," + "A".repeat(5_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
        cases.put("a million empty arrays", ("[" + "[],".repeat(1_000_000) + "[]]").getBytes(StandardCharsets.US_ASCII));
        cases.put("two values", "{} {}".getBytes(StandardCharsets.US_ASCII));
        cases.put("an empty file", new byte[0]);
        cases.put("blank", " \n\t\r\n".getBytes(StandardCharsets.US_ASCII));
        cases.put("a byte-order mark only", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        cases.put("NUL bytes", new byte[4096]);
        cases.put("UTF-16 with a byte-order mark", "\uFEFF[\"\uD800\"]".getBytes(StandardCharsets.UTF_16BE));
        cases.put("UTF-32-like zeros", new byte[] {0, 0, 0, '[', 0, 0, (byte) 0xD8, 0, 0, 0, 0, ']'});
        byte[] garbage = new byte[64 * 1024];
        new Random(SEED).nextBytes(garbage);
        cases.put("binary garbage", garbage);
        byte[] jsonish = new byte[64 * 1024];
        Random random = new Random(SEED + 1);
        for (int i = 0; i < jsonish.length; i++) {
            jsonish[i] = STRUCTURE[random.nextInt(STRUCTURE.length)];
        }
        cases.put("random JSON punctuation", jsonish);
        return cases;
    }

    @Test
    void hostileFilesAreRefusedByName() throws Exception {
        for (Map.Entry<String, byte[]> c : hostile().entrySet()) {
            Path file = write("hostile.json", c.getValue());
            readers().forEach((name, r) -> check(c.getKey(), name, file, r));
        }
    }

    @Test
    void aDirectoryAndAnOversizedFileAreRefusedBeforeReading() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a-directory.json"));
        Path big = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ReadLimits.MAX_FILE_BYTES + 1); // sparse: no disk is written
        }
        for (Path file : List.of(folder, big)) {
            for (Map.Entry<String, Reader> r : readers().entrySet()) {
                BaselineFormatException e = check(file.getFileName().toString(), r.getKey(), file, r.getValue());
                if (e != null && file.equals(big)) {
                    assertTrue(e.problem().contains("more than the " + ReadLimits.MAX_FILE_BYTES + " bytes"), e.problem());
                }
            }
        }
    }

    /** The command line turns each hostile file into exit code 2 and one line of error, never a stack trace. */
    @Test
    void theGateExitsTwoWithoutAStackTrace() throws Exception {
        Path good = write("good.json", resource("files/baseline-schema2.json"));
        Map<String, byte[]> cases = new LinkedHashMap<>(hostile());
        cases.put("a truncated baseline", java.util.Arrays.copyOf(resource("files/baseline-schema2.json"), 700));
        int n = 0;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Path file = write("input-" + n + ".json", c.getValue());
            cli(c.getKey(), file, "compare", "--baseline", file.toString(), "--current", good.toString());
            if (n++ % 4 != 0) {
                continue; // the other commands share the readers: every fourth case is enough for them
            }
            cli(c.getKey(), file, "compare", "--baseline", good.toString(), "--current", file.toString());
            // a blank file is an empty history, which trend reports on
            boolean blank = new String(c.getValue(), StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank();
            if (!blank) {
                cli(c.getKey(), file, "trend", "--history", file.toString());
            }
            cli(c.getKey(), file, "merge", "--in", file.toString(), "--out", dir.resolve("merged.json").toString());
        }
        Path folder = Files.createDirectory(dir.resolve("folder"));
        cli("a directory", folder, "compare", "--baseline", folder.toString(), "--current", good.toString());
    }

    private static void cli(String what, Path file, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = GateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + args[0] + " threw instead of exiting 2", t);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(GateCommand.BAD_INPUT, code, what + ": " + args[0] + " printed " + ReadLimits.reason(text));
        assertFalse(text.contains("\tat "), what + ": a stack trace: " + ReadLimits.reason(text));
        assertTrue(text.contains(file.getFileName().toString()), what + ": the file is not named: " + text);
        assertTrue(text.length() < 600, what + ": " + text.length() + " characters of error: " + ReadLimits.reason(text));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Writes the bytes under the seed's name and reads them with the readers of the seed's kind. */
    private void readAll(String what, String seed, byte[] bytes) throws IOException {
        Path file = write(seed.substring(seed.lastIndexOf('/') + 1), bytes);
        Map<String, Reader> all = readers();
        for (String reader : SEEDS.get(seed)) {
            check(what, reader, file, all.get(reader));
        }
    }

    /** @return the exception when the reader refused the file, null when it read it */
    private static BaselineFormatException check(String what, String reader, Path file, Reader r) {
        try {
            r.read(file);
            return null;
        } catch (BaselineFormatException e) {
            assertEquals(file, e.file(), what + ": " + reader);
            assertTrue(e.getMessage().startsWith(file + ": "), what + ": " + reader + ": " + e.getMessage());
            assertTrue(e.problem().length() <= MAX_PROBLEM_CHARS, what + ": " + reader + " gave a problem of "
                    + e.problem().length() + " characters: " + ReadLimits.reason(e.problem()));
            assertFalse(e.problem().isBlank(), what + ": " + reader);
            return e;
        } catch (Throwable t) {
            fail(what + ": " + reader + " threw " + t.getClass().getName() + " instead of BaselineFormatException: "
                    + ReadLimits.reason(t.getMessage()), t);
            return null;
        }
    }
}
