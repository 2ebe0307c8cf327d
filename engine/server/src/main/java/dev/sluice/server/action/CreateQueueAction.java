package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CreateQueue: answers the queue's URL; idempotent for the same attributes. */
public final class CreateQueueAction implements SqsAction {
    @Override
    public String name() {
        return "CreateQueue";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String name = ctx.engine().createQueue(p.requiredString("QueueName"), p.stringMap("Attributes"),
                p.stringMap("tags"));
        return SqsAction.output().put("QueueUrl", ctx.queueUrl(name));
    }
}
