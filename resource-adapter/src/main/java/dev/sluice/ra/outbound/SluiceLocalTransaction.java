package dev.sluice.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;

/**
 * How a container transaction reaches a pooled connection: commit sends the transaction's buffered messages
 * (atomically on the embedded engine), rollback discards them.
 */
final class SluiceLocalTransaction implements LocalTransaction {

    private final SluiceManagedConnection connection;

    SluiceLocalTransaction(SluiceManagedConnection connection) {
        this.connection = connection;
    }

    @Override
    public void begin() throws ResourceException {
        connection.begin();
    }

    @Override
    public void commit() throws ResourceException {
        connection.commit();
    }

    @Override
    public void rollback() throws ResourceException {
        connection.rollback();
    }
}
