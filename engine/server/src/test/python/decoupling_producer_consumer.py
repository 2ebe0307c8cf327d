"""Guide: Common Use Cases 1 "Decoupling Microservices" (send_order_message / process_order_messages,
OrderId and Priority message attributes, long-polling consumer that deletes after processing), with the
queue made by Step 3's create_standard_queue. The producer runs in its own thread with its own client
while the consumer long-polls, as two decoupled services would."""
import json
import threading
import time

import guide_common as g

sqs = g.client()


# Step 3: Create SQS Queue (Using Python) -- create_standard_queue, as in the guide
def create_standard_queue(queue_name):
    response = sqs.create_queue(
        QueueName=queue_name,
        Attributes={
            'VisibilityTimeout': '30',
            'MessageRetentionPeriod': '345600',  # 4 days
            'ReceiveMessageWaitTimeSeconds': '20'  # Long polling
        }
    )
    return response['QueueUrl']


queue_url = create_standard_queue(g.unique('order-queue'))
g.check_eq(sqs.get_queue_url(QueueName=queue_url.split('/')[-1])['QueueUrl'], queue_url, 'get_queue_url')

producer_sqs = g.client()


def send_order_message(order_data):
    """Producer: Send order to queue"""
    response = producer_sqs.send_message(
        QueueUrl=queue_url,
        MessageBody=json.dumps(order_data),
        MessageAttributes={
            'OrderId': {
                'StringValue': order_data['order_id'],
                'DataType': 'String'
            },
            'Priority': {
                'StringValue': order_data.get('priority', 'normal'),
                'DataType': 'String'
            }
        }
    )
    return response['MessageId']


orders = [{'order_id': f'order-{i}', 'amount': i * 10, **({'priority': 'high'} if i % 3 == 0 else {})}
          for i in range(12)]
sent_ids = {}
producer_errors = []


def producer():
    try:
        for order in orders:
            sent_ids[order['order_id']] = send_order_message(order)
    except Exception as e:  # reported by the main thread
        producer_errors.append(repr(e))


processed = []  # (order_data, message_id, attributes)


def process_order(order_data, message):
    processed.append((order_data, message['MessageId'], message.get('MessageAttributes', {})))


def process_order_messages(expected, timeout=30):
    """Consumer: Process orders from queue -- the guide's loop, ending once `expected` orders are processed."""
    deadline = time.monotonic() + timeout
    while len(processed) < expected:
        g.check(time.monotonic() < deadline,
                f'consumer processed {len(processed)} of {expected} orders within {timeout} s')
        response = sqs.receive_message(
            QueueUrl=queue_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=20,  # Long polling
            MessageAttributeNames=['All']
        )
        messages = response.get('Messages', [])
        if not messages:
            continue
        for message in messages:
            g.check_eq(message['MD5OfBody'], g.md5(message['Body']), 'MD5OfBody')
            try:
                order_data = json.loads(message['Body'])
                process_order(order_data, message)
                # Delete message after successful processing
                sqs.delete_message(
                    QueueUrl=queue_url,
                    ReceiptHandle=message['ReceiptHandle']
                )
            except Exception as e:
                print(f"Error processing message: {e}")
                # Message will become visible again after visibility timeout


thread = threading.Thread(target=producer, daemon=True)
thread.start()
process_order_messages(len(orders))
thread.join(10)
g.check(not thread.is_alive(), 'producer did not finish')
g.check(not producer_errors, f'producer failed: {producer_errors}')

g.check_eq(sorted(o['order_id'] for o, _, _ in processed), sorted(o['order_id'] for o in orders),
           'order ids processed (each exactly once)')
for order_data, message_id, attributes in processed:
    oid = order_data['order_id']
    g.check_eq(message_id, sent_ids[oid], f'MessageId of {oid}')
    g.check_eq(attributes.get('OrderId'), {'StringValue': oid, 'DataType': 'String'}, f'OrderId attribute of {oid}')
    g.check_eq(attributes.get('Priority'),
               {'StringValue': order_data.get('priority', 'normal'), 'DataType': 'String'},
               f'Priority attribute of {oid}')
    g.check_eq(order_data, next(o for o in orders if o['order_id'] == oid), f'body of {oid}')

g.check_eq(g.queue_counts(sqs, queue_url), (0, 0, 0), '(visible, in flight, delayed) after the consumer deleted all')
g.ok(f'decoupling: {len(orders)} orders produced and consumed once each with OrderId/Priority attributes')
