package dev.sluice.jms.spec.admin;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.SluiceObjectFactory;
import dev.sluice.jms.SluiceQueue;
import dev.sluice.jms.SluiceTopic;
import jakarta.jms.JMSContext;
import dev.sluice.engine.EngineOptions;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import org.junit.jupiter.api.Test;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jakarta Messaging 3.1, section 5 (administered objects): connection factories and destinations "should implement
 * both javax.naming.Referenceable and java.io.Serializable", so any JNDI provider can bind them.
 */
class AdministeredObjectsTest {

    private static Object throughReference(Referenceable bound) throws Exception {
        Reference reference = bound.getReference();
        assertThat(reference.getFactoryClassName()).isEqualTo(SluiceObjectFactory.class.getName());
        return new SluiceObjectFactory().getObjectInstance(reference, null, null, null);
    }

    private static Object throughSerialization(Serializable bound) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bound);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void destinationsAreReferenceableAndSerializable() throws Exception {
        SluiceQueue queue = new SluiceQueue("orders.fifo");
        SluiceTopic topic = new SluiceTopic("prices");
        assertThat(throughReference(queue)).isEqualTo(queue).isInstanceOf(Queue.class);
        assertThat(throughSerialization(queue)).isEqualTo(queue);
        assertThat(((SluiceTopic) throughReference(topic)).getTopicName()).isEqualTo("prices");
        assertThat(((SluiceTopic) throughSerialization(topic)).getTopicName()).isEqualTo("prices");
    }

    @Test
    void aConnectionFactoryKeepsEverySettingThroughItsReference() throws Exception {
        SluiceConnectionFactory factory = new SluiceConnectionFactory(
                "sluice:sqs?endpoint=http://localhost:9324&region=eu-west-1&visibilityTimeout=45"
                        + "&objectMessageAllowList=com.acme.*,java.util.*&accessKeyId=AKIDEXAMPLE"
                        + "&secretAccessKey=s3cr3t");
        Reference reference = factory.getReference();
        assertThat(reference.get("secretAccessKey")).isEqualTo(new StringRefAddr("secretAccessKey", "s3cr3t"));
        SluiceConnectionFactory rebuilt = (SluiceConnectionFactory) throughReference(factory);
        assertThat(rebuilt.getReference()).isEqualTo(reference);
        assertThat(rebuilt.getUrl().split("[?&]")).containsExactlyInAnyOrder(factory.getUrl().split("[?&]"));
    }

    @Test
    void aFactoryMadeFromItsReferenceConnects() throws Exception {
        SluiceConnectionFactory factory = new SluiceConnectionFactory(
                "sluice:embedded?storage=memory&dataDir=admin-objects-test");
        SluiceConnectionFactory rebuilt = (SluiceConnectionFactory) throughReference(factory);
        assertThat(rebuilt.getUrl()).contains("storage=memory").contains("dataDir=admin-objects-test");
        try (JMSContext context = rebuilt.createContext()) {
            Queue queue = (Queue) throughReference((SluiceQueue) context.createQueue("bound"));
            context.createProducer().send(queue, "through JNDI");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("through JNDI");
        }
    }

    @Test
    void temporaryDestinationsComeBackTemporary() throws Exception {
        SluiceConnectionFactory factory = new SluiceConnectionFactory(
                "sluice:embedded?storage=memory&dataDir=admin-objects-temporary");
        try (JMSContext context = factory.createContext()) {
            TemporaryQueue queue = context.createTemporaryQueue();
            TemporaryTopic topic = context.createTemporaryTopic();
            assertThat(throughReference((Referenceable) queue)).isInstanceOf(TemporaryQueue.class).isEqualTo(queue);
            assertThat(throughReference((Referenceable) topic)).isInstanceOf(TemporaryTopic.class).isEqualTo(topic);
        }
    }

    @Test
    void whatCannotBeReferencedSaysWhy() {
        assertThatThrownBy(() -> new SluiceQueue().getReference()).isInstanceOf(NamingException.class)
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> new SluiceTopic().getReference()).isInstanceOf(NamingException.class)
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> SluiceConnectionFactory.embedded(EngineOptions.memory()).getReference())
                .isInstanceOf(NamingException.class).hasMessageContaining("sluice: URL");
    }

    @Test
    void aContainersOwnAddressesAreSkippedAndABadSettingIsNamed() throws Exception {
        Reference reference = new SluiceConnectionFactory("sluice:embedded?storage=memory&visibilityTimeout=45")
                .getReference();
        reference.add(new StringRefAddr("scope", "Shareable"));
        SluiceConnectionFactory rebuilt = (SluiceConnectionFactory) new SluiceObjectFactory()
                .getObjectInstance(reference, null, null, null);
        assertThat(rebuilt.getUrl()).contains("visibilityTimeout=45").doesNotContain("scope");
        Reference bad = new SluiceConnectionFactory("sluice:embedded").getReference();
        bad.add(new StringRefAddr("visibilityTimeout", "forever"));
        assertThatThrownBy(() -> new SluiceObjectFactory().getObjectInstance(bad, null, null, null))
                .isInstanceOf(NamingException.class).hasMessageContaining("visibilityTimeout");
    }

    @Test
    void aReferenceToSomethingElseIsNotOurs() throws Exception {
        Reference other = new Reference("com.acme.Thing", new StringRefAddr("name", "x"));
        assertThat(new SluiceObjectFactory().getObjectInstance(other, null, null, null)).isNull();
        assertThat(new SluiceObjectFactory().getObjectInstance("not a reference", null, null, null)).isNull();
    }
}
