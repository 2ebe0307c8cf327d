package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;

import java.util.Map;

/** SendMessage; also reads one entry of SendMessageBatch, which has the same members plus an Id. */
public final class SendMessageAction implements SqsAction {
    @Override
    public String name() {
        return "SendMessage";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        SendMessageResult r = ctx.engine().sendMessage(request(ctx.queueName(p), p, ctx));
        ObjectNode out = SqsAction.output();
        fill(out, r);
        return out;
    }

    static SendMessageRequest request(String queue, Params p, RequestContext ctx) {
        Map<String, MessageAttribute> system = p.attributes("MessageSystemAttributes");
        String trace = null;
        for (Map.Entry<String, MessageAttribute> e : system.entrySet()) {
            if (!e.getKey().equals("AWSTraceHeader") || !"String".equals(e.getValue().dataType())) {
                throw new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                        "Message system attribute name '" + e.getKey() + "' is invalid.");
            }
            trace = e.getValue().stringValue();
        }
        return new SendMessageRequest(queue, p.string("MessageBody"), p.integer("DelaySeconds"),
                p.attributes("MessageAttributes"), trace, p.string("MessageGroupId"),
                p.string("MessageDeduplicationId"), SendMessageRequest.DEFAULT_PRIORITY, ctx.caller());
    }

    static void fill(ObjectNode out, SendMessageResult r) {
        out.put("MD5OfMessageBody", r.md5OfMessageBody());
        Outputs.putIfPresent(out, "MD5OfMessageAttributes", r.md5OfMessageAttributes());
        Outputs.putIfPresent(out, "MD5OfMessageSystemAttributes", r.md5OfMessageSystemAttributes());
        out.put("MessageId", r.messageId());
        Outputs.putIfPresent(out, "SequenceNumber", r.sequenceNumber());
    }
}
