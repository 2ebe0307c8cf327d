package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class SetQueueAttributesAction implements SqsAction {
    @Override
    public String name() {
        return "SetQueueAttributes";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ctx.engine().setQueueAttributes(ctx.queueName(p), p.stringMap("Attributes"));
        return SqsAction.output();
    }
}
