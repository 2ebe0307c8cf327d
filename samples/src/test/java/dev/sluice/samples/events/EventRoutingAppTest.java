package dev.sluice.samples.events;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class EventRoutingAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(EventRoutingApp.class, EventPublisher.class);

    @Inject
    EventRoutingApp app;

    @Test
    void eachHandlerGetsOnlyTheEventsOfItsTypeOncePerRegistration() throws Exception {
        Map<String, List<String>> handled = app.run(List.of("alice", "bob", "carol")).stream()
                .collect(Collectors.toMap(EventHandler::name, h -> h.handled().items()));

        assertThat(handled.get("users")).containsExactly("user.created", "user.created", "user.created");
        assertThat(handled.get("email")).containsExactly("email.send", "email.send", "email.send");
        assertThat(handled.get("analytics")).containsExactly("analytics.track", "analytics.track", "analytics.track");
    }
}
