package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.ListQueuesResult;

public final class ListDeadLetterSourceQueuesAction implements SqsAction {
    @Override
    public String name() {
        return "ListDeadLetterSourceQueues";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ListQueuesResult r = ctx.engine().listDeadLetterSourceQueues(ctx.queueName(p), p.integer("MaxResults"),
                p.string("NextToken"));
        ObjectNode out = SqsAction.output();
        out.putArray("queueUrls");
        r.queueNames().forEach(n -> out.withArray("queueUrls").add(ctx.queueUrl(n)));
        Outputs.putIfPresent(out, "NextToken", r.nextToken());
        return out;
    }
}
