package dev.sluice.jms.cdi;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

/**
 * The application's one Sluice connection factory, configured from {@link SluiceUrl}. A singleton: the
 * factory is immutable once configured and cheap to share, and every connection it opens shares the one
 * engine per data directory anyway.
 */
@Dependent
public class ConnectionFactoryProducer {

    private static final System.Logger LOG = System.getLogger(ConnectionFactoryProducer.class.getName());

    @Produces
    @Singleton
    @Typed({ConnectionFactory.class, SluiceConnectionFactory.class})
    SluiceConnectionFactory connectionFactory() {
        SluiceUrl url = SluiceUrl.resolve();
        try {
            SluiceConnectionFactory factory = new SluiceConnectionFactory(url.url());
            LOG.log(System.Logger.Level.INFO, "Sluice connection factory " + factory.getUrl() + " (from " + url.origin() + ")");
            return factory;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid Sluice URL from " + url.origin() + ": " + e.getMessage(), e);
        }
    }
}
