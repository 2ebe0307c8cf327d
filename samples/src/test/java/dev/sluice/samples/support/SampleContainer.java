package dev.sluice.samples.support;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.cdi.JMSContextProducer;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.WeldInitiator;

import java.util.UUID;

/**
 * A sample's CDI container for one test: the sample's beans, Sluice's JMSContext producer, and a connection
 * factory on a memory engine of the test's own (the data directory only names it), so tests share nothing.
 */
public final class SampleContainer {

    private SampleContainer() {
    }

    public static WeldInitiator of(Class<?>... beans) {
        return with("sluice:embedded?storage=memory&dataDir=sample-" + UUID.randomUUID(), beans);
    }

    public static WeldInitiator with(String url, Class<?>... beans) {
        SluiceConnectionFactory factory = new SluiceConnectionFactory(url);
        return WeldInitiator.from(WeldInitiator.createWeld().addBeanClasses(JMSContextProducer.class, QueueAdmin.class)
                        .addBeanClasses(beans))
                .addBeans(MockBean.builder().types(ConnectionFactory.class, SluiceConnectionFactory.class)
                        .scope(Singleton.class).creating(factory).build())
                .build();
    }
}
