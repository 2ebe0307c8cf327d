package dev.sluice.server.protocol;

/**
 * A request the endpoint cannot even hand to an action: malformed body, unknown action, bad signature.
 * Carries the wire error as AWS sends it.
 *
 * @param code    the Query code and {@code x-amzn-query-error} code
 * @param type    the JSON {@code __type} (fully qualified)
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String type;

    public ProtocolException(int status, String code, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.type = type;
    }

    public static ProtocolException malformed(String message) {
        return new ProtocolException(400, "MalformedInput", "com.amazon.coral.service#SerializationException",
                message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String type() {
        return type;
    }
}
