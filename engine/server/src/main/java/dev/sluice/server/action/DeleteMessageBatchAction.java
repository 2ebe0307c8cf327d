package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.BatchEntry;

import java.util.List;

public final class DeleteMessageBatchAction implements SqsAction {
    @Override
    public String name() {
        return "DeleteMessageBatch";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String queue = ctx.queueName(p);
        List<BatchEntry<String>> entries = p.list("Entries").stream()
                .map(e -> new BatchEntry<>(e.string("Id"), e.string("ReceiptHandle"))).toList();
        return Outputs.batch(ctx.engine().deleteMessageBatch(queue, entries), (e, v) -> { });
    }
}
