package dev.budget4j.profile.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/** HdrHistogram's compressed encoding, in base64, as stored in baselines. */
public final class HistogramCodec {
    private HistogramCodec() {
    }

    /** Encodes a histogram: HdrHistogram compressed bytes, base64. */
    public static String encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity() + 64);
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes what {@link #encode} wrote; an {@link IllegalArgumentException} says what was wrong. */
    public static Histogram decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("histogram is not valid base64: " + e.getMessage(), e);
        }
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 2);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("histogram is not an HdrHistogram compressed encoding: " + e, e);
        }
    }
}
