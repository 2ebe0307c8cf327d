package dev.sluice.samples.legacy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The legacy application's own test suite, written against the JMS API only: it knows a ConnectionFactory
 * and nothing of the broker behind it. Each subclass names a broker; the tests are the same, unchanged.
 */
abstract class LegacyOrderSystemContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Connection connection;
    private String orders;
    private String stock;

    /** The broker under test, as the application finds it (in production: a JNDI lookup). */
    protected abstract ConnectionFactory connectionFactory();

    @BeforeEach
    void connect() throws Exception {
        connection = connectionFactory().createConnection();
        connection.start();
        int n = NAMES.incrementAndGet();
        orders = "legacy-orders-" + n;
        stock = "legacy-stock-" + n;
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    private static LegacyOrder order(String id, String region, boolean express) {
        return new LegacyOrder(id, "SKU-" + id, 2, 19.99, region, express);
    }

    @Test
    void anOrderArrivesWithItsTypedFieldsAndProperties() throws Exception {
        String id = new OrderGateway(connection, orders).place(new LegacyOrder("A-1", "SKU-9", 3, 12.5, "EU", true));

        assertThat(id).startsWith("ID:");
        assertThat(new OrderReader(connection, orders).take(null, 1, 5_000))
                .containsExactly(new LegacyOrder("A-1", "SKU-9", 3, 12.5, "EU", true));
    }

    @Test
    void aRolledBackBatchIsNeverDeliveredAndACommittedOneIsDeliveredInOrder() throws Exception {
        OrderGateway gateway = new OrderGateway(connection, orders);
        gateway.placeBatch(List.of(order("bad-1", "EU", false), order("bad-2", "EU", false)), false);
        gateway.placeBatch(List.of(order("1", "EU", false), order("2", "US", false), order("3", "EU", false)), true);

        // the rolled-back orders were sent first: delivered, they would come first
        assertThat(new OrderReader(connection, orders).take(null, 3, 5_000))
                .extracting(LegacyOrder::orderId).containsExactly("1", "2", "3");
    }

    @Test
    void theExpressLaneTakesOnlyExpressEuOrdersAndLeavesTheRestForTheOthers() throws Exception {
        OrderGateway gateway = new OrderGateway(connection, orders);
        gateway.place(order("1", "EU", true));
        gateway.place(order("2", "US", true));
        gateway.place(order("3", "EU", false));
        gateway.place(order("4", "EU", true));
        OrderReader reader = new OrderReader(connection, orders);

        assertThat(reader.take("Region = 'EU' AND Express = TRUE", 2, 5_000))
                .extracting(LegacyOrder::orderId).containsExactly("1", "4");
        assertThat(reader.take(null, 2, 5_000)).extracting(LegacyOrder::orderId).containsExactly("2", "3");
    }

    @Test
    void theStockCheckIsAnsweredOnATemporaryQueueWithTheRequestsIdAsCorrelation() throws Exception {
        try (StockService ignored = new StockService(connection, stock, Map.of("SKU-1", 7))) {
            assertThat(StockService.ask(connection, stock, "SKU-1", 5_000)).isEqualTo(7);
            assertThat(StockService.ask(connection, stock, "SKU-2", 5_000)).isZero();
        }
    }

    @Test
    void anOrderRecoveredDuringAnOutageIsShippedOnceMarkedRedelivered() throws Exception {
        try (FulfilmentListener fulfilment = new FulfilmentListener(connection, orders, 1)) {
            new OrderGateway(connection, orders).place(order("1", "EU", false));

            await().until(() -> !fulfilment.shipped().isEmpty());
            assertThat(fulfilment.shipped()).containsExactly(new FulfilmentListener.Shipped("1", true));
        }
        assertThat(new OrderReader(connection, orders).take(null, 10, 500)).isEmpty();
    }
}
