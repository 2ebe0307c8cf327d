package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of the SQS API on the wire: reads its input (in the JSON protocol's shape), calls the
 * engine, and answers its output in the JSON protocol's shape. The Query protocol converts both ways.
 */
public interface SqsAction {

    /** The operation name, as in {@code X-Amz-Target: AmazonSQS.<name>} and {@code Action=<name>}. */
    String name();

    ObjectNode handle(Params input, RequestContext ctx);

    static ObjectNode output() {
        return JsonNodeFactory.instance.objectNode();
    }
}
