package dev.sluice.engine.store;

/**
 * Names a stored message for a body read: its id, and the sequence number it is stored under now, which is what
 * the durable store looks it up by (a move to another queue gives a message a new one).
 */
public record MessageKey(String id, long seq) {
}
