package dev.sluice.samples.ee.orders;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The processed orders, for the sample's page (a real application would write them to its database). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OrderBook {

    private final List<String> processed = new CopyOnWriteArrayList<>();

    public void processed(String orderId, int priority, String items) {
        processed.add(orderId + "|" + priority + "|" + items);
    }

    public List<String> processed() {
        return List.copyOf(processed);
    }
}
