package dev.sluice.samples.ee;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The samples' connection factory (declared on a component, where the container looks for it): the deployed Sluice adapter ({@code sluice-ra.rar}), pooled, joining
 * container transactions. Payara's {@code @Inject JMSContext} looks a factory up under its name + "__pm",
 * hence the second, identical definition.
 */
@ConnectionFactoryDefinition(name = SluiceResources.FACTORY, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "sluice-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
@ConnectionFactoryDefinition(name = SluiceResources.FACTORY + "__pm", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "sluice-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
@jakarta.ejb.Singleton
public class SluiceResources {

    public static final String FACTORY = "java:app/jms/sluice-samples";
}
