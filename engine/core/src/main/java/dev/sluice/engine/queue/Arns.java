package dev.sluice.engine.queue;

/** Queue ARNs: {@code arn:aws:sqs:<region>:<account>:<name>}. */
public final class Arns {

    private Arns() {
    }

    public static String of(String region, String account, String queueName) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + queueName;
    }

    /** Whether the text has the shape of an SQS queue ARN (any partition, region and account). */
    public static boolean isQueueArn(String arn) {
        if (arn == null) {
            return false;
        }
        String[] parts = arn.split(":", -1);
        return parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty() && parts[2].equals("sqs")
                && !parts[3].isEmpty() && !parts[4].isEmpty() && !parts[5].isEmpty();
    }

    /** The queue name of a queue ARN, or {@code null} if it is not one. */
    public static String queueName(String arn) {
        return isQueueArn(arn) ? arn.substring(arn.lastIndexOf(':') + 1) : null;
    }
}
