package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.ListQueuesResult;

public final class ListQueuesAction implements SqsAction {
    @Override
    public String name() {
        return "ListQueues";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ListQueuesResult r = ctx.engine().listQueues(p.string("QueueNamePrefix"), p.integer("MaxResults"),
                p.string("NextToken"));
        ObjectNode out = SqsAction.output();
        Outputs.putQueueUrls(out, "QueueUrls", r.queueNames(), ctx);
        Outputs.putIfPresent(out, "NextToken", r.nextToken());
        return out;
    }
}
