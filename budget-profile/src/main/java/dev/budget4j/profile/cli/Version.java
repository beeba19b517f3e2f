package dev.budget4j.profile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project's version, from {@code version.properties} beside this class, which the build fills
 * in; so it is the same in the plain jar, the -cli jar and a class-path run from the build's classes.
 */
final class Version implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"budget4j " + version()};
    }

    /** {@return the project's version, such as {@code 0.1.0}} */
    static String version() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " must be beside " + Version.class.getName() + ", but is missing");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
