package dev.sluice.ra.it.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the test application's MDBs saw, per queue, in the order they saw it; read by the tests over HTTP. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Recorder {

    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();

    public void record(String queue, String observation) {
        List<String> list = seen.computeIfAbsent(queue, q -> new ArrayList<>());
        synchronized (list) {
            list.add(observation);
        }
    }

    public List<String> seen(String queue) {
        List<String> list = seen.getOrDefault(queue, List.of());
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
