package dev.sluice.jms.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * {@code @Inject JMSContext} for Java SE, shaped like the application server's injected context: one
 * AUTO_ACKNOWLEDGE context per request, closed when the request ends.
 *
 * <p>Request scoped, not dependent, because a JMSContext may be used by one thread at a time: a request
 * context belongs to one thread, so an {@code @ApplicationScoped} service used by several threads still
 * hands each thread its own context. In Weld SE a request is a method annotated
 * {@code @ActivateRequestContext} (or a {@code RequestContextController} activation), e.g. each
 * {@code onMessage} of a listener bean, as each delivery to an MDB is a request in an application server.
 * As there, the request owns the context: close(), commit(), acknowledge() and the like are refused
 * ({@link ContainerManagedContext}). Other session modes, or a context of your own: inject the
 * {@link ConnectionFactory} and create it.
 */
@Dependent
public class JMSContextProducer {

    @Produces
    @RequestScoped
    JMSContext context(ConnectionFactory factory) {
        return ContainerManagedContext.wrap(factory.createContext(JMSContext.AUTO_ACKNOWLEDGE));
    }

    void close(@Disposes JMSContext context) {
        ContainerManagedContext.closeManaged(context);
    }
}
