package dev.sluice.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;

/** For a connection factory used outside a container: one physical connection per handle, closed with it. */
final class UnpooledConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info) throws ResourceException {
        SluiceManagedConnection mc = (SluiceManagedConnection) factory.createManagedConnection(null, info);
        mc.destroyWhenClosed();
        return mc.getConnection(null, info);
    }
}
