package dev.budget4j.profile.internal;

import dev.budget4j.profile.BaselineFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.StreamReadConstraints;

/**
 * The limits every file budget4j reads is held to, so that a corrupt or hostile file is refused
 * with a short message instead of exhausting the stack, the heap or the terminal. The values are
 * documented in the module README and on {@link BaselineFormatException}; change them together.
 *
 * <p>Why these values: a baseline nests 7 levels (stages, a stage, its forks, a fork, its rounds,
 * a dimension's values), as does a JMH result file; budget4j writes numbers of at most 24
 * characters; the largest string is a histogram, about 0.3 MB of base64 for one that spans every
 * value a {@code long} holds; a baseline of 100 stages with 60 forks of 20 rounds is about 26 MB
 * and 1.4 million tokens.
 */
public final class ReadLimits {
    /** Largest file read, in bytes (64 MiB), checked before reading and again while reading. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Deepest nesting of JSON arrays and objects, in levels (inclusive). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON number, in characters (inclusive). */
    public static final int MAX_NUMBER_CHARS = 100;
    /** Longest JSON string value, in characters (4 Mi, inclusive). */
    public static final int MAX_STRING_CHARS = 4 << 20;
    /** Longest JSON member name (a stage's name in a baseline), in characters (inclusive). */
    public static final int MAX_NAME_CHARS = 10_000;
    /** Most JSON tokens in one document (one line of a run history), inclusive. */
    public static final long MAX_TOKENS = 5_000_000;
    /** Most characters of the input a message quotes; longer pieces are cut and end in an ellipsis. */
    public static final int EXCERPT_CHARS = 40;
    /** Most characters a message quotes of a stage's or benchmark's name, which say where the problem is. */
    public static final int NAME_CHARS = 120;
    /**
     * Most characters kept of another parser's message (a budget's, a date's, JSON's) when it is
     * part of a problem: such messages may quote their whole input.
     */
    public static final int REASON_CHARS = 160;

    private ReadLimits() {
    }

    /** The JSON limits above as Jackson's read constraints. */
    static StreamReadConstraints jsonConstraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(MAX_FILE_BYTES)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxTokenCount(MAX_TOKENS)
                .build();
    }

    /**
     * Refuses what cannot be a budget4j file before a byte of it is read: a directory, or a file
     * larger than {@link #MAX_FILE_BYTES}.
     *
     * @param file the file
     * @param kind what the file should be, for the message, e.g. {@code "baseline file"}
     * @throws BaselineFormatException naming the file and the problem
     * @throws IOException when the file's size cannot be read (e.g. it does not exist)
     */
    public static void checkFile(Path file, String kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BaselineFormatException(file, "is a directory, not a " + kind);
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw tooLarge(file, size + " bytes");
        }
    }

    static BaselineFormatException tooLarge(Path file, String size) {
        return new BaselineFormatException(file, "is " + size + ", more than the " + MAX_FILE_BYTES
                + " bytes (64 MiB) a file read by budget4j may have");
    }

    /**
     * Reads a whole text file within {@link #MAX_FILE_BYTES}, strictly as UTF-8 (a leading
     * byte-order mark is dropped).
     *
     * @param file the file
     * @param kind what the file should be, for the message
     * @return its text
     * @throws BaselineFormatException naming the file when it is a directory, too large or not UTF-8
     * @throws IOException when it cannot be read
     */
    public static String readText(Path file, String kind) throws IOException {
        checkFile(file, kind);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file, "more than " + MAX_FILE_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BaselineFormatException(file, "is not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A piece of the input as a message may quote it: at most {@link #EXCERPT_CHARS} characters,
     * then an ellipsis when there was more; line breaks and other control characters as {@code ?}.
     *
     * @param text the piece, not null
     * @return the excerpt
     */
    public static String excerpt(String text) {
        return cut(text, EXCERPT_CHARS);
    }

    /**
     * A name that says where a problem is (a stage's, a benchmark's), as a message quotes it: at
     * most {@link #NAME_CHARS} characters, then an ellipsis; control characters as {@code ?}.
     *
     * @param name the name, not null
     * @return the name, cut when longer
     */
    public static String name(String name) {
        return cut(name, NAME_CHARS);
    }

    /**
     * Another parser's message as part of a problem: at most {@link #REASON_CHARS} characters,
     * then an ellipsis; control characters as {@code ?}.
     *
     * @param message the message, may be null
     * @return the clipped message ("no reason given" for null)
     */
    public static String reason(String message) {
        return cut(message == null ? "no reason given" : message, REASON_CHARS);
    }

    /**
     * Another parser's message about {@code input}, with every quote of the whole input cut to
     * its {@link #excerpt}, then {@linkplain #reason(String) clipped}.
     *
     * @param message the message, may be null
     * @param input what that parser was given, not null
     * @return the message as a problem may include it
     */
    public static String reason(String message, String input) {
        return reason(message == null || input.length() <= EXCERPT_CHARS ? message : message.replace(input, excerpt(input)));
    }

    private static String cut(String text, int max) {
        int end = max;
        if (text.length() > end && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String cut = text.length() > max ? text.substring(0, end) + "\u2026" : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
