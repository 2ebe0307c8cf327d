package dev.sluice.jms.ack;

import jakarta.jms.JMSException;

/**
 * One session acknowledgement mode as SQS operations: acknowledging deletes the message, releasing it
 * sets its visibility timeout to the redelivery delay so it comes back with JMSRedelivered set.
 */
public interface Acknowledger {

    /** {@code receive()} is handing the message to the application. */
    void received(Delivered d) throws JMSException;

    /**
     * A MessageListener is about to get the message. Modes whose acknowledgement the application drives
     * (CLIENT, transacted) count it as consumed from now on, so acknowledge(), recover(), commit() and
     * rollback() called inside onMessage include it.
     */
    default void handedToListener(Delivered d) throws JMSException {
    }

    /** A MessageListener returned normally. */
    void listenerReturned(Delivered d) throws JMSException;

    /** A MessageListener threw a RuntimeException. */
    void listenerThrew(Delivered d) throws JMSException;

    /** {@code Message.acknowledge()}. */
    void acknowledge() throws JMSException;

    /** {@code Session.recover()}: every unacknowledged message is released for redelivery. */
    void recover() throws JMSException;

    /** The session closes: flush or release what is pending. */
    void close() throws JMSException;
}
