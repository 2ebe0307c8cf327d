package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class PurgeQueueAction implements SqsAction {
    @Override
    public String name() {
        return "PurgeQueue";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ctx.engine().purgeQueue(ctx.queueName(p));
        return SqsAction.output();
    }
}
