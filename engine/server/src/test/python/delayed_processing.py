"""Guide: Common Use Cases 5 "Delayed Processing" (schedule_message with per-message DelaySeconds, and the
guide's note that the maximum is 900 seconds), Step 6's send_message_with_attributes (DelaySeconds=0), and
the queue-level DelaySeconds attribute (Step 4 configure_queue). A delayed message is not visible before its
delay and becomes visible after it; short delays (2 s) and bounded polling keep this quick."""
import json
import time

import guide_common as g

sqs = g.client()
queue_url = sqs.create_queue(QueueName=g.unique('delayed-queue'))['QueueUrl']
DELAY = 2


def schedule_message(message_data, delay_seconds):
    """Schedule message to be processed after delay"""
    sqs.send_message(
        QueueUrl=queue_url,
        MessageBody=json.dumps(message_data),
        DelaySeconds=delay_seconds  # 0-900 seconds (15 minutes)
    )


def receive_now(url):
    return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get('Messages', [])


def not_visible_then_visible(label, url, send, expected_body):
    sent_at = time.monotonic()
    send()
    early = receive_now(url)
    early_at = time.monotonic() - sent_at
    if early_at < DELAY - 0.3:  # only conclusive while the delay surely has not run out
        g.check_eq([m['Body'] for m in early], [], f'{label}: messages visible {early_at:.2f} s into a {DELAY} s delay')
        visible, in_flight, delayed = g.queue_counts(sqs, url)
        if time.monotonic() - sent_at < DELAY - 0.3:
            g.check_eq((visible, in_flight, delayed), (0, 0, 1), f'{label}: (visible, in flight, delayed) during the delay')
    else:
        print(f'{label}: the early receive came {early_at:.2f} s after the send; not conclusive', flush=True)
    messages = g.wait_until(lambda: receive_now(url), DELAY + 5, f'{label}: delayed message visible')
    seen_at = time.monotonic() - sent_at
    g.check_eq([m['Body'] for m in messages], [expected_body], f'{label}: bodies after the delay')
    g.check(seen_at >= DELAY - 0.25, f'{label}: delivered {seen_at:.2f} s after the send, before its {DELAY} s delay')
    sqs.delete_message(QueueUrl=url, ReceiptHandle=messages[0]['ReceiptHandle'])
    print(f'{label}: visible after {seen_at:.2f} s', flush=True)


# Per-message DelaySeconds (use case 5's schedule_message, with a short delay)
reminder = {'type': 'email_reminder', 'user_id': '123'}
not_visible_then_visible('DelaySeconds on the message', queue_url,
                         lambda: schedule_message(reminder, delay_seconds=DELAY), json.dumps(reminder))

# Queue DelaySeconds: messages sent without DelaySeconds take the queue's delay
delayed_queue_url = sqs.create_queue(QueueName=g.unique('delayed-queue-attr'),
                                     Attributes={'DelaySeconds': str(DELAY)})['QueueUrl']
g.check_eq(sqs.get_queue_attributes(QueueUrl=delayed_queue_url, AttributeNames=['DelaySeconds'])['Attributes'],
           {'DelaySeconds': str(DELAY)}, 'queue DelaySeconds attribute')
not_visible_then_visible('DelaySeconds on the queue', delayed_queue_url,
                         lambda: sqs.send_message(QueueUrl=delayed_queue_url, MessageBody='queue-delayed'),
                         'queue-delayed')

# Step 6's send_message_with_attributes passes DelaySeconds=0, which overrides the queue's delay
sqs.send_message(QueueUrl=delayed_queue_url, MessageBody='not delayed',
                 MessageAttributes={'Priority': {'StringValue': 'high', 'DataType': 'String'}}, DelaySeconds=0)
messages = g.wait_until(lambda: receive_now(delayed_queue_url), DELAY - 0.5,
                        'DelaySeconds=0 message visible before the queue delay')
g.check_eq([m['Body'] for m in messages], ['not delayed'], 'bodies of the DelaySeconds=0 send')

# The guide's 24-hour schedule exceeds the 900 s maximum its own comment mentions: refused, as by SQS
try:
    schedule_message({'type': 'cleanup', 'resource_id': '456'}, delay_seconds=86400)
    g.fail('DelaySeconds=86400 was accepted')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'InvalidParameterValue', 'DelaySeconds=86400 error code')
schedule_message({'type': 'email_reminder', 'user_id': '123'}, delay_seconds=900)  # the maximum is accepted
g.check_eq(g.queue_counts(sqs, queue_url), (0, 0, 1), '(visible, in flight, delayed) after a 900 s schedule')

g.ok('delay: message and queue DelaySeconds hide messages until the delay passes; 86400 s refused')
