package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.MoveTask;

public final class ListMessageMoveTasksAction implements SqsAction {
    @Override
    public String name() {
        return "ListMessageMoveTasks";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        ObjectNode out = SqsAction.output();
        ArrayNode results = out.putArray("Results");
        for (MoveTask t : ctx.engine().listMessageMoveTasks(p.requiredString("SourceArn"), p.integer("MaxResults"))) {
            ObjectNode e = results.addObject();
            if (t.status().equals("RUNNING")) {
                e.put("TaskHandle", t.taskHandle());
            }
            e.put("Status", t.status());
            e.put("SourceArn", t.sourceArn());
            Outputs.putIfPresent(e, "DestinationArn", t.destinationArn());
            if (t.maxNumberOfMessagesPerSecond() != null) {
                e.put("MaxNumberOfMessagesPerSecond", t.maxNumberOfMessagesPerSecond());
            }
            e.put("ApproximateNumberOfMessagesMoved", t.approximateNumberOfMessagesMoved());
            e.put("ApproximateNumberOfMessagesToMove", t.approximateNumberOfMessagesToMove());
            Outputs.putIfPresent(e, "FailureReason", t.failureReason());
            e.put("StartedTimestamp", t.startedTimestamp());
        }
        return out;
    }
}
