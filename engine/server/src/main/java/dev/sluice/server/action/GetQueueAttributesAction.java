package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

public final class GetQueueAttributesAction implements SqsAction {
    @Override
    public String name() {
        return "GetQueueAttributes";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        Map<String, String> attributes = ctx.engine().getQueueAttributes(ctx.queueName(p), p.stringList("AttributeNames"));
        ObjectNode out = SqsAction.output();
        Outputs.putStringMap(out, "Attributes", attributes);
        return out;
    }
}
