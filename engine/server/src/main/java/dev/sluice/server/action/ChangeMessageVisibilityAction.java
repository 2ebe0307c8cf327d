package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class ChangeMessageVisibilityAction implements SqsAction {
    @Override
    public String name() {
        return "ChangeMessageVisibility";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String queue = ctx.queueName(p);
        ctx.engine().changeMessageVisibility(queue, p.requiredString("ReceiptHandle"), p.integer("VisibilityTimeout"));
        return SqsAction.output();
    }
}
