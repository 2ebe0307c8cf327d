package dev.sluice.jms.spec.browser;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapter 6.2.11 and QueueBrowser: looking at a queue without consuming. */
class QueueBrowserTest {

    @Test
    void browsingShowsTheMessagesInOrderWithoutConsumingThem() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("browsed");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 5; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            QueueBrowser browser = s.createBrowser(q);
            assertThat(browser.getQueue()).isEqualTo(q);
            assertThat(texts(browser)).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(texts(browser)).containsExactly("m0", "m1", "m2", "m3", "m4"); // again: nothing changed

            MessageConsumer c = s.createConsumer(q);
            for (int i = 0; i < 5; i++) {
                Message m = c.receiveNoWait();
                assertThat(((TextMessage) m).getText()).isEqualTo("m" + i);
                assertThat(m.getJMSRedelivered()).isFalse();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }
            assertThat(texts(browser)).isEmpty();
        }
    }

    /** 3.4.9: clients "should not receive messages that have expired"; a browser shows what consumers could get. */
    @Test
    void aBrowserDoesNotShowExpiredMessages() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("browse-expired");
            MessageProducer p = s.createProducer(q);
            TextMessage shortLived = s.createTextMessage("short-lived");
            p.send(shortLived, Message.DEFAULT_DELIVERY_MODE, Message.DEFAULT_PRIORITY, 1);
            p.send(s.createTextMessage("lasting"));
            await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > shortLived.getJMSExpiration());
            assertThat(texts(s.createBrowser(q))).containsExactly("lasting");
        }
    }

    @Test
    void aBrowserWithASelectorShowsOnlyMatchingMessages() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("browse-selected");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 6; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            QueueBrowser browser = s.createBrowser(q, "n >= 3");
            assertThat(browser.getMessageSelector()).isEqualTo("n >= 3");
            assertThat(texts(browser)).containsExactly("m3", "m4", "m5");
        }
    }

    @Test
    void browserArgumentsAreChecked() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createBrowser(s.createQueue("q"), "n >>= 3"))
                    .isInstanceOf(InvalidSelectorException.class);
        }
    }

    static List<String> texts(QueueBrowser browser) throws Exception {
        List<String> out = new ArrayList<>();
        for (Object o : Collections.list(browser.getEnumeration())) {
            out.add(((TextMessage) o).getText());
        }
        return out;
    }
}
