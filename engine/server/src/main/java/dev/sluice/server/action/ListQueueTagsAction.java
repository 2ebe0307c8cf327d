package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class ListQueueTagsAction implements SqsAction {
    @Override
    public String name() {
        return "ListQueueTags";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ObjectNode out = SqsAction.output();
        Outputs.putStringMap(out, "Tags", ctx.engine().listQueueTags(ctx.queueName(p)));
        return out;
    }
}
