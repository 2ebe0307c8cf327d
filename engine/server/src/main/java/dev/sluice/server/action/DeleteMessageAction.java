package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class DeleteMessageAction implements SqsAction {
    @Override
    public String name() {
        return "DeleteMessage";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String queue = ctx.queueName(p);
        ctx.engine().deleteMessage(queue, p.requiredString("ReceiptHandle"));
        return SqsAction.output();
    }
}
