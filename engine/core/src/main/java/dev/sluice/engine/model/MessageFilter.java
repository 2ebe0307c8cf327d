package dev.sluice.engine.model;

/**
 * Sluice extension (JMS message selectors): decides inside the engine whether a receive may take a message.
 * Evaluated under the queue's lock, so it must be quick and must not call back into the engine.
 */
@FunctionalInterface
public interface MessageFilter {
    boolean accepts(MessageView message);
}
