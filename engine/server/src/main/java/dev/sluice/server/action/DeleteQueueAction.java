package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class DeleteQueueAction implements SqsAction {
    @Override
    public String name() {
        return "DeleteQueue";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ctx.engine().deleteQueue(ctx.queueName(p));
        return SqsAction.output();
    }
}
