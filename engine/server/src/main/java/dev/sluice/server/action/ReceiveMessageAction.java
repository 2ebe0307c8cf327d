package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;

import java.util.ArrayList;
import java.util.List;

public final class ReceiveMessageAction implements SqsAction {
    @Override
    public String name() {
        return "ReceiveMessage";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        List<String> systemNames = new ArrayList<>(p.stringList("AttributeNames"));
        systemNames.addAll(p.stringList("MessageSystemAttributeNames"));
        ReceiveMessageRequest request = new ReceiveMessageRequest(ctx.queueName(p), p.integer("MaxNumberOfMessages"),
                p.integer("VisibilityTimeout"), p.integer("WaitTimeSeconds"), systemNames,
                p.stringList("MessageAttributeNames"), p.string("ReceiveRequestAttemptId"), null);
        List<ReceivedMessage> messages = ctx.engine().receiveMessage(request);
        ObjectNode out = SqsAction.output();
        if (messages.isEmpty()) {
            return out;
        }
        ArrayNode list = out.putArray("Messages");
        for (ReceivedMessage m : messages) {
            ObjectNode e = list.addObject();
            e.put("MessageId", m.messageId());
            e.put("ReceiptHandle", m.receiptHandle());
            e.put("MD5OfBody", m.md5OfBody());
            e.put("Body", m.body());
            Outputs.putStringMap(e, "Attributes", m.attributes());
            Outputs.putIfPresent(e, "MD5OfMessageAttributes", m.md5OfMessageAttributes());
            Outputs.putAttributes(e, "MessageAttributes", m.messageAttributes());
        }
        return out;
    }
}
