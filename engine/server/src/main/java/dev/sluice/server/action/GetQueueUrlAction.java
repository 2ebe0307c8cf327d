package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class GetQueueUrlAction implements SqsAction {
    @Override
    public String name() {
        return "GetQueueUrl";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String owner = p.string("QueueOwnerAWSAccountId");
        String name = p.requiredString("QueueName");
        if (owner != null && !owner.equals(ctx.engine().account())) {
            throw dev.sluice.engine.error.SqsException.queueDoesNotExist();
        }
        return SqsAction.output().put("QueueUrl", ctx.queueUrl(ctx.engine().getQueueUrl(name)));
    }
}
