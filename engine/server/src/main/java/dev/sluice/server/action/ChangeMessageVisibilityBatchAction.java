package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.ChangeVisibilityRequest;

import java.util.List;

public final class ChangeMessageVisibilityBatchAction implements SqsAction {
    @Override
    public String name() {
        return "ChangeMessageVisibilityBatch";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String queue = ctx.queueName(p);
        List<BatchEntry<ChangeVisibilityRequest>> entries = p.list("Entries").stream()
                .map(e -> new BatchEntry<>(e.string("Id"),
                        new ChangeVisibilityRequest(e.string("ReceiptHandle"), e.integer("VisibilityTimeout"))))
                .toList();
        return Outputs.batch(ctx.engine().changeMessageVisibilityBatch(queue, entries), (e, v) -> { });
    }
}
