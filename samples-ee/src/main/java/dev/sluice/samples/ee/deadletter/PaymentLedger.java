package dev.sluice.samples.ee.deadletter;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What happened to each payment: settled, a failed attempt, or dead-lettered. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PaymentLedger {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    public void settled(String id, long cents) {
        entries.add("settled|" + id + "|" + cents);
    }

    public void failed(String id, int attempt) {
        entries.add("failed|" + id + "|" + attempt);
    }

    public void deadLettered(String id, String body, int receives) {
        entries.add("dead|" + id + "|" + body + "|" + receives);
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}
