package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class StartMessageMoveTaskAction implements SqsAction {
    @Override
    public String name() {
        return "StartMessageMoveTask";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        String handle = ctx.engine().startMessageMoveTask(p.requiredString("SourceArn"), p.string("DestinationArn"),
                p.integer("MaxNumberOfMessagesPerSecond"));
        return SqsAction.output().put("TaskHandle", handle);
    }
}
