package dev.sluice.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.error.SqsException;

/**
 * One of the two wire protocols of SQS. A protocol reads the action and its input (always in the JSON
 * protocol's shape) and writes outputs and errors in its own format.
 */
public interface Protocol {

    /** The action name and its input. */
    record Call(String action, ObjectNode input) {
    }

    Call read(WireRequest request);

    WireResponse success(String action, ObjectNode output, String requestId);

    WireResponse error(SqsException e, String requestId);

    WireResponse error(ProtocolException e, String requestId);

    /** A failure of the service itself; the message says nothing about internals. */
    WireResponse internalError(String requestId);
}
