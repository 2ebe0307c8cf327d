package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class TagQueueAction implements SqsAction {
    @Override
    public String name() {
        return "TagQueue";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ctx.engine().tagQueue(ctx.queueName(p), p.stringMap("Tags"));
        return SqsAction.output();
    }
}
