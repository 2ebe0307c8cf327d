package dev.sluice.samples.orders;

/** An order as the shop submits it; the body is JSON, as in the guide, so non-JMS SQS clients can read it. */
public record Order(String orderId, String priority, int items) {

    public String toJson() {
        return "{\"order_id\":\"" + orderId + "\",\"priority\":\"" + priority + "\",\"items\":" + items + "}";
    }
}
