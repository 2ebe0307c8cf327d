package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.SendMessageRequest;

import java.util.List;

public final class SendMessageBatchAction implements SqsAction {
    @Override
    public String name() {
        return "SendMessageBatch";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String queue = ctx.queueName(p);
        List<BatchEntry<SendMessageRequest>> entries = p.list("Entries").stream()
                .map(e -> new BatchEntry<>(e.string("Id"), SendMessageAction.request(queue, e, ctx))).toList();
        return Outputs.batch(ctx.engine().sendMessageBatch(queue, entries), SendMessageAction::fill);
    }
}
