package dev.budget4j.internal;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.RecordingFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The binary form of a {@link Recording}, big-endian:
 * {@code "B4JR"}, version (1 byte), latency unit (1 byte, 1 = nanoseconds), precision (1 byte),
 * stage (int length + UTF-8), budget (int length + UTF-8, -1 for none), failures, allocated
 * bytes, start and end (epoch ns), peak RSS, RSS growth (6 longs), then the histogram in
 * HdrHistogram's compressed encoding (int length + bytes).
 */
public final class RecordingCodec {
    static final int MAGIC = 0x42344A52; // "B4JR"
    static final byte VERSION = 1;
    static final byte NANOSECONDS = 1;

    private RecordingCodec() {
    }

    /** Encodes a recording. */
    public static byte[] encode(Recording r) {
        Histogram h = r.histogram();
        ByteBuffer hb = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int hlen = h.encodeIntoCompressedByteBuffer(hb);
        byte[] stage = r.stage().getBytes(StandardCharsets.UTF_8);
        byte[] budget = r.budget().map(b -> b.toString().getBytes(StandardCharsets.UTF_8)).orElse(null);
        ByteBuffer out = ByteBuffer.allocate(4 + 3 + 4 + stage.length + 4 + (budget == null ? 0 : budget.length) + 6 * 8 + 4 + hlen);
        out.putInt(MAGIC).put(VERSION).put(NANOSECONDS).put((byte) Recording.PRECISION);
        out.putInt(stage.length).put(stage);
        if (budget == null) {
            out.putInt(-1);
        } else {
            out.putInt(budget.length).put(budget);
        }
        out.putLong(r.failures()).putLong(r.allocatedBytes().orElse(-1)).putLong(r.startEpochNanos()).putLong(r.endEpochNanos())
                .putLong(r.peakRssBytes().orElse(-1)).putLong(r.rssGrowthBytes().orElse(-1));
        out.putInt(hlen).put(hb.array(), 0, hlen);
        return out.array();
    }

    /** Decodes a recording, naming what is wrong and where. */
    public static Recording decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String field = "the magic number";
        try {
            int magic = in.getInt();
            if (magic != MAGIC) {
                throw new RecordingFormatException("recording must start with \"B4JR\", but byte 0 starts "
                        + String.format("0x%08X", magic) + ": not an encoded recording");
            }
            field = "the version";
            byte version = in.get();
            if (version != VERSION) {
                throw new RecordingFormatException("recording version must be " + VERSION + ", but byte 4 holds " + version);
            }
            field = "the latency unit";
            byte unit = in.get();
            if (unit != NANOSECONDS) {
                throw new RecordingFormatException("recording latency unit must be nanoseconds (1), but byte 5 holds " + unit
                        + ": histograms of another unit do not merge");
            }
            field = "the precision";
            byte precision = in.get();
            if (precision != Recording.PRECISION) {
                throw new RecordingFormatException("recording precision must be " + Recording.PRECISION
                        + " significant digits, but byte 6 holds " + precision + ": histograms of another precision do not merge");
            }
            field = "the stage name";
            String stage = string(in, field, false);
            field = "the budget";
            String budgetText = string(in, field, true);
            Budget budget;
            try {
                budget = budgetText == null ? null : Budget.parse(budgetText);
            } catch (IllegalArgumentException e) {
                throw new RecordingFormatException("recording of stage '" + stage + "' holds a budget that does not parse: "
                        + e.getMessage(), e);
            }
            field = "the counters";
            long failures = in.getLong();
            long allocated = in.getLong();
            long start = in.getLong();
            long end = in.getLong();
            long peak = in.getLong();
            long growth = in.getLong();
            field = "the histogram";
            int hlen = in.getInt();
            int at = in.position();
            if (hlen < 0 || hlen > in.remaining()) {
                throw new RecordingFormatException("recording of stage '" + stage + "' is truncated: the histogram at byte " + at
                        + " needs " + hlen + " bytes, but " + in.remaining() + " remain");
            }
            Histogram h;
            try {
                // A copy: HdrHistogram's decoder reads the backing array without its offset, so no slice.
                h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Arrays.copyOfRange(bytes, at, at + hlen)), 0);
            } catch (DataFormatException | RuntimeException e) {
                throw new RecordingFormatException("recording of stage '" + stage + "' has a corrupt histogram at byte " + at + ": "
                        + e, e);
            }
            if (h.getNumberOfSignificantValueDigits() != Recording.PRECISION) {
                throw new RecordingFormatException("recording of stage '" + stage + "' has a histogram of "
                        + h.getNumberOfSignificantValueDigits() + " significant digits at byte " + at + ", but must have "
                        + Recording.PRECISION);
            }
            if (at + hlen != bytes.length) {
                throw new RecordingFormatException("recording of stage '" + stage + "' must end after its histogram at byte "
                        + (at + hlen) + ", but is " + bytes.length + " bytes long");
            }
            try {
                return Recording.of(stage, budget, h, failures, unlessMinusOne(allocated), start, end, unlessMinusOne(peak),
                        unlessMinusOne(growth));
            } catch (IllegalArgumentException e) {
                throw new RecordingFormatException("recording of stage '" + stage + "' holds inconsistent figures: " + e.getMessage(), e);
            }
        } catch (BufferUnderflowException e) {
            throw new RecordingFormatException("recording is truncated: it ends at byte " + bytes.length + ", inside " + field, e);
        }
    }

    /** The wire form writes -1 for "not measured"; any other negative is left for {@link Recording#of} to refuse. */
    private static OptionalLong unlessMinusOne(long value) {
        return value == -1 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static String string(ByteBuffer in, String field, boolean nullable) {
        int at = in.position();
        int len = in.getInt();
        if (len == -1 && nullable) {
            return null;
        }
        if (len < 0 || len > in.remaining()) {
            throw new RecordingFormatException("recording is truncated or corrupt: " + field + " at byte " + at + " claims " + len
                    + " bytes, but " + in.remaining() + " remain");
        }
        byte[] b = new byte[len];
        in.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordingFormatException("recording is corrupt: " + field + " at byte " + at + " is not UTF-8", e);
        }
    }
}
