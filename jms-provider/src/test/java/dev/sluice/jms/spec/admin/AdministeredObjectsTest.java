package dev.sluice.jms.spec.admin;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.SluiceObjectFactory;
import dev.sluice.jms.SluiceQueue;
import dev.sluice.jms.SluiceTopic;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;

import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (JMSContext context = rebuilt.createContext()) {
            Queue queue = (Queue) throughReference((SluiceQueue) context.createQueue("bound"));
            context.createProducer().send(queue, "through JNDI");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("through JNDI");
        }
    }

    @Test
    void aReferenceToSomethingElseIsNotOurs() throws Exception {
        Reference other = new Reference("com.acme.Thing", new StringRefAddr("name", "x"));
        assertThat(new SluiceObjectFactory().getObjectInstance(other, null, null, null)).isNull();
        assertThat(new SluiceObjectFactory().getObjectInstance("not a reference", null, null, null)).isNull();
    }
}
