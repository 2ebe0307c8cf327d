package dev.sluice.samples.support;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/** Boots a Java SE CDI container (Weld SE, discovering the beans on the class path), runs one application bean, stops. */
public final class SampleMain {

    /** The application's work, allowed to throw: a sample's main reports any failure by dying with it. */
    @FunctionalInterface
    public interface Work<A> {
        void run(A app) throws Exception;
    }

    private SampleMain() {
    }

    public static <A> void run(Class<A> app, Work<A> work) throws Exception {
        configureLogging();
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            work.run(container.select(app).get());
        }
    }

    private static void configureLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = SampleMain.class.getResourceAsStream("sample-logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        }
    }
}
