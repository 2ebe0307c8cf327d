"""Guide: Best Practices 1 "Use Long Polling" (receive_message with WaitTimeSeconds=20), Step 7's
receive_messages(max_messages=10, wait_time=20), and Step 3/Step 4's queue-level
ReceiveMessageWaitTimeSeconds=20. A long poll on an empty queue stays pending, and a send from another
client (another thread) wakes it at once -- not after the 20 seconds."""
import threading
import time

import guide_common as g

sqs = g.client()

queue_url = sqs.create_queue(QueueName=g.unique('long-poll-queue'))['QueueUrl']
queue_wait_url = sqs.create_queue(QueueName=g.unique('long-poll-queue-attr'),
                                  Attributes={'ReceiveMessageWaitTimeSeconds': '20'})['QueueUrl']


def receive_messages(url, max_messages=10, wait_time=20):
    """Receive messages with long polling (Step 7)"""
    response = sqs.receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=max_messages,
        WaitTimeSeconds=wait_time,  # Long polling
        MessageAttributeNames=['All']
    )
    return response.get('Messages', [])


def long_poll_woken_by_send(label, url, receive):
    result = {}
    started = threading.Event()
    returned = threading.Event()

    def receiver():
        started.set()
        try:
            result['messages'] = receive()
        except Exception as e:
            result['error'] = repr(e)
        result['returned_at'] = time.monotonic()
        returned.set()

    threading.Thread(target=receiver, daemon=True).start()
    g.check(started.wait(5), f'{label}: receiver thread did not start')
    # An empty queue is no answer to a long poll: the call must still be pending a while later.
    g.check(not returned.wait(1.5), f'{label}: the long poll returned within 1.5 s on an empty queue: {result}')

    body = f'wake up {label}'
    sender = g.client()  # another client, another thread: the producer side
    sent_at = time.monotonic()
    sender.send_message(QueueUrl=url, MessageBody=body)

    g.check(returned.wait(10), f'{label}: the long poll was still pending 10 s after a message was sent')
    g.check('error' not in result, f'{label}: receive failed: {result.get("error")}')
    latency = result['returned_at'] - sent_at
    g.check(latency < 5.0, f'{label}: the long poll returned {latency:.2f} s after the send started '
                           f'(expected < 5 s: woken by the send, not by the 20 s timeout)')
    messages = result['messages']
    g.check_eq([m['Body'] for m in messages], [body], f'{label}: bodies received')
    sqs.delete_message(QueueUrl=url, ReceiptHandle=messages[0]['ReceiptHandle'])
    print(f'{label}: woken {latency * 1000:.0f} ms after the send started', flush=True)


# WaitTimeSeconds=20 on the call (Best Practices 1 / Step 7)
long_poll_woken_by_send('WaitTimeSeconds=20', queue_url, lambda: receive_messages(queue_url))

# ReceiveMessageWaitTimeSeconds=20 on the queue: a receive without WaitTimeSeconds long-polls too
long_poll_woken_by_send('ReceiveMessageWaitTimeSeconds=20', queue_wait_url,
                        lambda: sqs.receive_message(QueueUrl=queue_wait_url).get('Messages', []))

# A short long poll on an empty queue waits its time out and answers with no messages
t0 = time.monotonic()
messages = receive_messages(queue_url, wait_time=1)
elapsed = time.monotonic() - t0
g.check_eq(messages, [], 'messages from an empty queue')
g.check(0.8 <= elapsed < 5, f'WaitTimeSeconds=1 on an empty queue returned after {elapsed:.2f} s')

g.ok('long polling: pending while empty, woken promptly by a send, empty answer after WaitTimeSeconds')
