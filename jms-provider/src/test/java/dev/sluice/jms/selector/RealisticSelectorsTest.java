package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Selectors as applications write them, against messages as the provider would present them. */
class RealisticSelectorsTest {

    @Test
    void carDispatch() {
        String selector = "JMSType = 'car' AND color = 'blue' AND weight > 2500";
        assertThat(matches(selector, message("JMSType", "car", "color", "blue", "weight", 3000))).isTrue();
        assertThat(matches(selector, message("JMSType", "car", "color", "blue", "weight", 2500))).isFalse();
        assertThat(matches(selector, message("JMSType", "car", "color", "red", "weight", 3000))).isFalse();
        assertThat(matches(selector, message("JMSType", "truck", "color", "blue", "weight", 3000))).isFalse();
        assertThat(matches(selector, message("JMSType", "car", "color", "blue"))).isFalse();
        assertThat(matches(selector, message("JMSType", "car", "color", "blue", "weight", 2500.5f))).isTrue();
    }

    @Test
    void orderIdWhitelist() {
        String selector = "OrderId IN ('1','2')";
        assertThat(matches(selector, message("OrderId", "1"))).isTrue();
        assertThat(matches(selector, message("OrderId", "2"))).isTrue();
        assertThat(matches(selector, message("OrderId", "3"))).isFalse();
        assertThat(matches(selector, message("OrderId", 1))).as("an int property is not the string '1'").isFalse();
        assertThat(matches(selector, message())).isFalse();
    }

    @Test
    void highPriorityOrFlaggedHigh() {
        String selector = "Priority = 'high' OR JMSPriority > 6";
        assertThat(matches(selector, message("Priority", "high", "JMSPriority", 4))).isTrue();
        assertThat(matches(selector, message("Priority", "low", "JMSPriority", 7))).isTrue();
        assertThat(matches(selector, message("JMSPriority", 9))).isTrue();
        assertThat(matches(selector, message("Priority", "low", "JMSPriority", 6))).isFalse();
        assertThat(matches(selector, message("JMSPriority", 4))).isFalse();
    }

    @Test
    void regionalFulfilment() {
        String selector = "region IN ('EU', 'UK') AND (total * 1.2 >= 100 OR vip = TRUE)"
                + " AND sku NOT LIKE 'TEST-%' AND JMSXDeliveryCount < 5 AND coupon IS NULL";
        assertThat(matches(selector, message("region", "EU", "total", 90, "vip", false, "sku", "A-1",
                "JMSXDeliveryCount", 1))).isTrue();
        assertThat(matches(selector, message("region", "EU", "total", 50, "vip", true, "sku", "A-1",
                "JMSXDeliveryCount", 1))).isTrue();
        assertThat(matches(selector, message("region", "EU", "total", 50, "sku", "A-1",
                "JMSXDeliveryCount", 1))).as("vip unknown and total too small").isFalse();
        assertThat(matches(selector, message("region", "UK", "total", 500, "sku", "TEST-9",
                "JMSXDeliveryCount", 1))).isFalse();
        assertThat(matches(selector, message("region", "UK", "total", 500, "sku", "A-1",
                "JMSXDeliveryCount", 1, "coupon", "X"))).isFalse();
    }

    @Test
    void persistentAuditEvents() {
        String selector = "JMSDeliveryMode = 'PERSISTENT' AND eventType LIKE 'audit.%' AND JMSCorrelationID IS NOT NULL";
        assertThat(matches(selector, message("JMSDeliveryMode", "PERSISTENT", "eventType", "audit.login",
                "JMSCorrelationID", "c1"))).isTrue();
        assertThat(matches(selector, message("JMSDeliveryMode", "PERSISTENT", "eventType", "auditXlogin",
                "JMSCorrelationID", "c1"))).isFalse();
    }
}
