package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class UntagQueueAction implements SqsAction {
    @Override
    public String name() {
        return "UntagQueue";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ctx.engine().untagQueue(ctx.queueName(p), p.stringList("TagKeys"));
        return SqsAction.output();
    }
}
