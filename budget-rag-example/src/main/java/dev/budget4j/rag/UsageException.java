package dev.budget4j.rag;

/** A command line that does not parse; the message is one line that says which option and why. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the option, the rule and the value */
    public UsageException(String message) {
        super(message);
    }
}
