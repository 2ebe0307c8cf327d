package dev.sluice.ra.inflow;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A wrong activation fails the deployment with an error that names each wrong property. */
class ActivationSpecValidationTest {

    private static SluiceActivationSpec valid() {
        SluiceActivationSpec spec = new SluiceActivationSpec();
        spec.setDestination("orders");
        return spec;
    }

    private static InvalidPropertyException invalid(SluiceActivationSpec spec) {
        return catchThrowableOfType(InvalidPropertyException.class, spec::validate);
    }

    private static String[] names(InvalidPropertyException e) {
        return Arrays.stream(e.getInvalidPropertyDescriptors()).map(PropertyDescriptor::getName).toArray(String[]::new);
    }

    @Test
    void aQueueNameOrALookupIsEnough() {
        assertThatCode(() -> valid().validate()).doesNotThrowAnyException();
        SluiceActivationSpec byLookup = new SluiceActivationSpec();
        byLookup.setDestinationLookup("java:app/jms/orders");
        assertThatCode(byLookup::validate).doesNotThrowAnyException();
    }

    @Test
    void noDestinationIsNamed() {
        InvalidPropertyException e = invalid(new SluiceActivationSpec());
        assertThat(e).hasMessageContaining("destination");
        assertThat(names(e)).containsExactly("destination");
    }

    @Test
    void aDurableTopicSubscriptionNeedsANameAndIsValidWithOne() throws Exception {
        SluiceActivationSpec spec = valid();
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        InvalidPropertyException e = invalid(spec);
        assertThat(names(e)).containsExactly("subscriptionName");
        spec.setSubscriptionName("audit");
        spec.setClientId("billing");
        spec.validate();
    }

    @Test
    void anUnknownDestinationTypeADurableQueueAndABlankClientIdAreNamed() {
        SluiceActivationSpec spec = valid();
        spec.setDestinationType("jakarta.jms.Stream");
        spec.setClientId(" ");
        InvalidPropertyException e = invalid(spec);
        assertThat(names(e)).containsExactly("destinationType", "clientId");
        assertThat(e).hasMessageContaining("jakarta.jms.Stream");

        SluiceActivationSpec durableQueue = valid();
        durableQueue.setSubscriptionDurability("Durable");
        assertThat(names(invalid(durableQueue))).containsExactly("subscriptionDurability");
    }

    @Test
    void everyOutOfRangeNumberIsNamedWithItsValue() {
        SluiceActivationSpec spec = valid();
        spec.setMaxSession(0);
        spec.setMaxMessages(11);
        spec.setWaitTimeSeconds(21);
        spec.setVisibilityTimeout(-1);
        spec.setRedeliveryBackoff(0.5);
        InvalidPropertyException e = invalid(spec);
        assertThat(names(e)).containsExactly("maxSession", "maxMessages", "waitTimeSeconds", "visibilityTimeout",
                "redeliveryBackoff");
        assertThat(e).hasMessageContaining("maxMessages: 11 is out of range 1..10")
                .hasMessageContaining("redeliveryBackoff: 0.5 must be at least 1.0");
    }

    @Test
    void onlyTheTwoNonTransactedAcknowledgeModesOfAnMdbAreAccepted() {
        SluiceActivationSpec spec = valid();
        spec.setAcknowledgeMode("Dups-ok-acknowledge");
        assertThatCode(spec::validate).doesNotThrowAnyException();
        spec.setAcknowledgeMode("Client-acknowledge");
        assertThat(names(invalid(spec))).containsExactly("acknowledgeMode");
    }

    /** The activation starts maxSession sessions: an unset count is a deployment error, not a failure later. */
    @Test
    void anUnsetMaxSessionIsNamed() {
        SluiceActivationSpec spec = valid();
        spec.setMaxSession(null);
        InvalidPropertyException e = invalid(spec);
        assertThat(names(e)).containsExactly("maxSession");
        assertThat(e).hasMessageContaining("maxSession");
    }
}
