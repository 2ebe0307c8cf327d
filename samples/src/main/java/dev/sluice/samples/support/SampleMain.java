package dev.sluice.samples.support;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

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
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            work.run(container.select(app).get());
        }
    }
}
