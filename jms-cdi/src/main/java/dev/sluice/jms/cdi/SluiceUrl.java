package dev.sluice.jms.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * Where the producers' connection factory URL comes from, first match wins: the system property
 * {@value #PROPERTY} (so one run can be pointed elsewhere without a rebuild), the key {@code url} of
 * {@value #RESOURCE} on the class path (the application's own setting), else {@value #DEFAULT}.
 *
 * @param url    the {@code sluice:} URL
 * @param origin where it was found, for error messages and the log
 */
public record SluiceUrl(String url, String origin) {

    public static final String PROPERTY = "sluice.url";
    public static final String RESOURCE = "META-INF/sluice.properties";
    public static final String DEFAULT = "sluice:embedded";

    /** From this JVM's system properties and the thread's context class loader. */
    public static SluiceUrl resolve() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return resolve(System.getProperties(), loader != null ? loader : SluiceUrl.class.getClassLoader());
    }

    public static SluiceUrl resolve(Properties systemProperties, ClassLoader loader) {
        String fromSystem = systemProperties.getProperty(PROPERTY);
        if (fromSystem != null && !fromSystem.isBlank()) {
            return new SluiceUrl(fromSystem.trim(), "system property " + PROPERTY);
        }
        URL resource = loader.getResource(RESOURCE);
        if (resource == null) {
            return new SluiceUrl(DEFAULT, "default");
        }
        String fromFile = load(resource).getProperty("url");
        if (fromFile == null || fromFile.isBlank()) {
            // a settings file that sets nothing is a mistake, not a wish for the default
            throw new IllegalStateException(resource + " has no 'url' key; set url=sluice:embedded?... or remove the file");
        }
        return new SluiceUrl(fromFile.trim(), resource.toString());
    }

    private static Properties load(URL resource) {
        Properties p = new Properties();
        try (InputStream in = resource.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
        return p;
    }
}
