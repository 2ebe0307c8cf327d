package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

public final class CancelMessageMoveTaskAction implements SqsAction {
    @Override
    public String name() {
        return "CancelMessageMoveTask";
    }

    @Override
    public ObjectNode handle(Params p, RequestContext ctx) {
        long moved = ctx.engine().cancelMessageMoveTask(p.requiredString("TaskHandle"));
        return SqsAction.output().put("ApproximateNumberOfMessagesMoved", moved);
    }
}
