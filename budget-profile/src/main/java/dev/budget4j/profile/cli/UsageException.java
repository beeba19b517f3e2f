package dev.budget4j.profile.cli;

/** A mistake on the command line: the CLI prints the message and where the usage is, and exits with 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
