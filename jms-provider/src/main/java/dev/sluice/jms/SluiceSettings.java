package dev.sluice.jms;

import dev.sluice.engine.EngineOptions;
import jakarta.jms.JMSException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of a Sluice connection factory, from its {@code sluice:} URL and setters — the one place
 * configuration is read, shared by the resource adapter.
 *
 * <pre>
 * sluice:embedded?dataDir=./sluice-data&amp;storage=durable
 * sluice:sqs?endpoint=http://localhost:9324&amp;region=us-east-1
 * </pre>
 * Further parameters, each also a setter of {@link SluiceConnectionFactory}: {@code visibilityTimeout}
 * (seconds; the window to acknowledge, default: the queue's), {@code waitTimeSeconds} (long polling of
 * listeners, 0–20, default 20), {@code redeliveryDelay} (seconds before a recovered or rolled-back
 * message is visible again, default 0), {@code redeliveryBackoff} (multiplier per further delivery, default
 * 1), {@code maxRedeliveryDelay} (seconds, default 900), {@code objectMessageAllowList} (class names and
 * {@code package.*} patterns ObjectMessage may deserialize), {@code autoCreateQueues} (default true),
 * {@code queueAttributes} (SQS attributes of the queues the provider creates, {@code Name=Value;Name=Value}),
 * {@code transactions} ({@code atomic} refuses transacted sessions on a backend that cannot commit atomically;
 * default: atomic where the backend can, best effort otherwise), {@code ignorePriority} (true: a backend without
 * priority ordering accepts JMSPriority as a header only; default false, such a send fails).
 * <p>
 * The SQS backend also reads {@code endpoint}, {@code region}, {@code accessKeyId} and {@code secretAccessKey}
 * (static credentials; never printed), {@code profile} (a named profile of the AWS config files),
 * {@code prefetch} (messages fetched per ReceiveMessage, 1–10, default 1) and {@code maxAttempts} (tries of one
 * SQS call on throttling, 5xx and network errors, 1–20, default 5).
 */
public final class SluiceSettings {

    public enum Backend { EMBEDDED, SQS }

    private final Map<String, String> values;

    private SluiceSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Every setting by name, the backend ({@code embedded} or {@code sqs}) under {@code backend}. */
    Map<String, String> values() {
        return values;
    }

    public static SluiceSettings defaults() {
        return new SluiceSettings(Map.of("backend", "embedded"));
    }

    /** The URL as an error message may show it: a secret key's value replaced. */
    private static String redacted(String url) {
        return url == null ? null : url.replaceAll("(?i)(secretAccessKey=)[^&]*", "$1****");
    }

    /** Parses a {@code sluice:} URL; the error names what is wrong with it. */
    public static SluiceSettings parse(String url) throws JMSException {
        if (url == null || !url.startsWith("sluice:")) {
            throw new JMSException("A Sluice URL starts with sluice:embedded or sluice:sqs, not: " + redacted(url));
        }
        String rest = url.substring("sluice:".length());
        int q = rest.indexOf('?');
        String kind = (q < 0 ? rest : rest.substring(0, q)).toLowerCase(Locale.ROOT);
        if (!kind.equals("embedded") && !kind.equals("sqs")) {
            throw new JMSException("Unknown Sluice backend '" + kind + "' in " + redacted(url) + ": use sluice:embedded or sluice:sqs");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("backend", kind);
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new JMSException("Parameter '" + redacted(pair) + "' of " + redacted(url)
                            + " needs the form name=value");
                }
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                check(name, value);
                values.put(name, value);
            }
        }
        return new SluiceSettings(values);
    }

    /** This settings object with one more setting, validated. */
    public SluiceSettings with(String name, String value) throws JMSException {
        check(name, value);
        Map<String, String> next = new LinkedHashMap<>(values);
        if (value == null) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        return new SluiceSettings(next);
    }

    /** Layers an optional setting (a resource adapter's or an activation's) on top: null leaves this one as it is. */
    public SluiceSettings withIfSet(String name, Object value) throws JMSException {
        return value == null ? this : with(name, value.toString());
    }

    /** Every setting's name (the backend aside, which the URL's scheme part gives). */
    private static final java.util.Set<String> NAMES = java.util.Set.of("dataDir", "endpoint", "region",
            "objectMessageAllowList", "accessKeyId", "secretAccessKey", "profile", "storage", "visibilityTimeout",
            "waitTimeSeconds", "redeliveryDelay", "maxRedeliveryDelay", "redeliveryBackoff", "autoCreateQueues",
            "ignorePriority", "prefetch", "maxAttempts", "transactions", "queueAttributes");

    /** Whether {@code name} is one of the settings {@link #with} takes. */
    static boolean isSetting(String name) {
        return NAMES.contains(name);
    }

    private static void check(String name, String value) throws JMSException {
        if (!NAMES.contains(name)) {
            throw new JMSException("Unknown Sluice setting '" + name + "'");
        }
        if (value == null) {
            return;
        }
        switch (name) {
            case "storage" -> {
                if (!value.equalsIgnoreCase("durable") && !value.equalsIgnoreCase("memory")) {
                    throw new JMSException("storage must be durable or memory, not " + value);
                }
            }
            case "visibilityTimeout" -> range(name, value, 0, 43_200);
            case "waitTimeSeconds" -> range(name, value, 0, 20);
            case "redeliveryDelay", "maxRedeliveryDelay" -> range(name, value, 0, 43_200);
            case "redeliveryBackoff" -> {
                try {
                    if (Double.parseDouble(value) >= 1) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new JMSException("redeliveryBackoff must be a number of at least 1, not " + value);
            }
            case "autoCreateQueues", "ignorePriority" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new JMSException(name + " must be true or false, not " + value);
                }
            }
            case "prefetch" -> range(name, value, 1, 10);
            case "maxAttempts" -> range(name, value, 1, 20);
            case "transactions" -> {
                if (!value.equals("atomic") && !value.equals("bestEffort")) {
                    throw new JMSException("transactions must be atomic or bestEffort, not " + value);
                }
            }
            case "queueAttributes" -> parseQueueAttributes(value);
            default -> {
                // dataDir, endpoint, region, objectMessageAllowList, credentials, profile: free text
            }
        }
    }

    /** {@code Name=Value;Name=Value} as a map; the error names the malformed part. */
    static Map<String, String> parseQueueAttributes(String value) throws JMSException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new JMSException("queueAttributes takes Name=Value pairs separated by ';', not '" + part + "'");
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    private static void range(String name, String value, int min, int max) throws JMSException {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JMSException(name + " must be a whole number from " + min + " to " + max + ", not " + value);
    }

    public Backend backend() {
        return values.get("backend").equals("sqs") ? Backend.SQS : Backend.EMBEDDED;
    }

    public String get(String name) {
        return values.get(name);
    }

    public EngineOptions engineOptions() {
        boolean memory = "memory".equalsIgnoreCase(values.get("storage"));
        Path dir = Path.of(values.getOrDefault("dataDir", "sluice-data"));
        return memory ? new EngineOptions(EngineOptions.Storage.MEMORY, values.containsKey("dataDir") ? dir : null,
                EngineOptions.DEFAULT_REGION, EngineOptions.DEFAULT_ACCOUNT, dev.sluice.engine.time.Clock.system(),
                EngineOptions.DEFAULT_MEMORY_LIMIT) : EngineOptions.durable(dir);
    }

    /** The consumers' visibility timeout in seconds, or null for each queue's own. */
    public Integer visibilityTimeout() {
        String v = values.get("visibilityTimeout");
        return v == null ? null : Integer.valueOf(v);
    }

    public int waitTimeSeconds() {
        return Integer.parseInt(values.getOrDefault("waitTimeSeconds", "20"));
    }

    public RedeliveryPolicy redeliveryPolicy() {
        return new RedeliveryPolicy(Integer.parseInt(values.getOrDefault("redeliveryDelay", "0")),
                Double.parseDouble(values.getOrDefault("redeliveryBackoff", "1")),
                Integer.parseInt(values.getOrDefault("maxRedeliveryDelay", "900")));
    }

    public String objectMessageAllowList() {
        return values.getOrDefault("objectMessageAllowList", "");
    }

    public boolean autoCreateQueues() {
        return Boolean.parseBoolean(values.getOrDefault("autoCreateQueues", "true"));
    }

    /** SQS attributes for the queues the provider creates (besides FifoQueue, which the name decides). */
    public Map<String, String> queueAttributes() {
        String v = values.get("queueAttributes");
        try {
            return v == null ? Map.of() : parseQueueAttributes(v);
        } catch (JMSException e) {
            throw new IllegalStateException(e.getMessage(), e); // checked when the setting was made
        }
    }

    /** Whether transacted sessions must be atomic (refused on a backend that commits best effort). */
    public boolean atomicTransactionsRequired() {
        return "atomic".equals(values.get("transactions"));
    }

    public boolean ignorePriority() {
        return Boolean.parseBoolean(values.getOrDefault("ignorePriority", "false"));
    }

    /** Messages the SQS backend fetches per ReceiveMessage call (the rest wait in its prefetch buffer). */
    public int prefetch() {
        return Integer.parseInt(values.getOrDefault("prefetch", "1"));
    }

    /** Tries of one SQS call, the first included. */
    public int maxAttempts() {
        return Integer.parseInt(values.getOrDefault("maxAttempts", "5"));
    }

    /** The URL form, without secrets. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("sluice:").append(values.get("backend"));
        char sep = '?';
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().equals("backend")) {
                s.append(sep).append(e.getKey()).append('=')
                        .append(e.getKey().equals("secretAccessKey") ? "****" : e.getValue());
                // the secret is never printed, whatever logs or exception messages this ends up in
                sep = '&';
            }
        }
        return s.toString();
    }
}
