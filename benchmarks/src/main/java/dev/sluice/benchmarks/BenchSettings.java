package dev.sluice.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What every harness shares: settings from {@code -Dbench.key=value} and {@code key=value} arguments, the body. */
final class BenchSettings {

    private BenchSettings() {
    }

    /**
     * The settings, arguments winning over system properties; a malformed argument ends the run with a
     * message that shows {@code example}.
     */
    static Map<String, String> parse(String[] args, String example) {
        Map<String, String> settings = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> settings.put(k.substring("bench.".length()), System.getProperty(k)));
        for (String arg : args) {
            if (arg.isBlank()) {
                continue; // an empty ${bench.args} from the pom
            }
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                System.err.println("Arguments are key=value, e.g. " + example + "; got: " + arg);
                System.exit(2);
            }
            settings.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
        }
        return settings;
    }

    /** A setting, or the fallback when it is absent or blank. */
    static String get(Map<String, String> settings, String key, String fallback) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A comma-separated setting as lower-case items. */
    static List<String> list(Map<String, String> settings, String key, String fallback) {
        List<String> out = new ArrayList<>();
        for (String s : get(settings, key, fallback).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Engines and brokers log at INFO when they open; stderr is kept for the harness's progress lines. */
    static void quietLogging() {
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
    }

    /** A body of {@code bytes} ASCII letters (so UTF-8 size equals length), the same for every harness. */
    static String body(int bytes) {
        StringBuilder b = new StringBuilder(bytes);
        for (int i = 0; i < bytes; i++) {
            b.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return b.toString();
    }
}
