package dev.sluice.samples.legacy;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * An order as a classic JMS application of the 2000s sends it: a MapMessage with typed fields, plus the
 * properties its consumers select on (Region, Express).
 */
public record LegacyOrder(String orderId, String sku, int quantity, double price, String region, boolean express) {

    public MapMessage toMessage(Session session) throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setString("orderId", orderId);
        m.setString("sku", sku);
        m.setInt("quantity", quantity);
        m.setDouble("price", price);
        m.setStringProperty("Region", region);
        m.setBooleanProperty("Express", express);
        m.setJMSType("order");
        return m;
    }

    public static LegacyOrder from(Message message) throws JMSException {
        MapMessage m = (MapMessage) message;
        return new LegacyOrder(m.getString("orderId"), m.getString("sku"), m.getInt("quantity"), m.getDouble("price"),
                m.getStringProperty("Region"), m.getBooleanProperty("Express"));
    }
}
