"""Guide: Common Patterns 2 "Fan-Out" (fan_out to several queues), 3 "Priority Queue" (send_priority_message
with a Priority attribute), 4 "Request-Reply" (CorrelationId attribute, reply queue), Common Use Cases 3
"Event-Driven Architecture" (publish_event with an EventType attribute, process_events routing by type) and
Best Practices 5 "Use Message Attributes" (Priority and Source)."""
import json
import time
import uuid
from datetime import datetime

import guide_common as g

sqs = g.client()


def receive_all(url, expected, timeout=10, **kwargs):
    """Receives and deletes until `expected` messages arrived (bounded)."""
    got = []
    deadline = time.monotonic() + timeout
    while len(got) < expected:
        g.check(time.monotonic() < deadline, f'{len(got)} of {expected} messages from {url} in {timeout} s')
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1,
                                MessageAttributeNames=['All'], **kwargs)
        for m in r.get('Messages', []):
            got.append(m)
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
    return got


# Fan-out
queue_urls = [sqs.create_queue(QueueName=g.unique(f'fan-{i}'))['QueueUrl'] for i in range(3)]


def fan_out(message, queue_urls):
    """Send message to multiple queues"""
    for queue_url in queue_urls:
        sqs.send_message(
            QueueUrl=queue_url,
            MessageBody=message
        )


fan_out('inventory changed', queue_urls)
for url in queue_urls:
    g.check_eq([m['Body'] for m in receive_all(url, 1)], ['inventory changed'], f'fan-out copy in {url}')

# Priority queue pattern + Best Practices 5
queue_url = sqs.create_queue(QueueName=g.unique('priority-queue'))['QueueUrl']


def send_priority_message(message, priority='normal'):
    """Send message with priority"""
    sqs.send_message(
        QueueUrl=queue_url,
        MessageBody=message,
        MessageAttributes={
            'Priority': {
                'StringValue': priority,  # 'high', 'normal', 'low'
                'DataType': 'String'
            }
        }
    )


for body, priority in (('a', 'high'), ('b', 'normal'), ('c', 'low')):
    send_priority_message(body, priority)
send_priority_message('d')
data = {'user': 42}
sqs.send_message(
    QueueUrl=queue_url,
    MessageBody=json.dumps(data),
    MessageAttributes={
        'Priority': {
            'StringValue': 'high',
            'DataType': 'String'
        },
        'Source': {
            'StringValue': 'user-service',
            'DataType': 'String'
        }
    }
)
got = {m['Body']: m['MessageAttributes'] for m in receive_all(queue_url, 5)}
g.check_eq({b: a['Priority']['StringValue'] for b, a in got.items()},
           {'a': 'high', 'b': 'normal', 'c': 'low', 'd': 'normal', json.dumps(data): 'high'}, 'Priority per body')
g.check_eq(got[json.dumps(data)]['Source'], {'StringValue': 'user-service', 'DataType': 'String'}, 'Source attribute')

# Only the named attributes come back when asked for by name
send_priority_message('e', 'low')
r = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1, MessageAttributeNames=['Source'])
g.check_eq(r['Messages'][0].get('MessageAttributes'), None, 'attributes when only Source is asked for')
sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=r['Messages'][0]['ReceiptHandle'])

# Request-reply with a CorrelationId
request_queue_url = sqs.create_queue(QueueName=g.unique('request-queue'))['QueueUrl']
reply_queue_url = sqs.create_queue(QueueName=g.unique('reply-queue'))['QueueUrl']


def send_request(request_data):
    correlation_id = str(uuid.uuid4())
    sqs.send_message(
        QueueUrl=request_queue_url,
        MessageBody=json.dumps(request_data),
        MessageAttributes={
            'CorrelationId': {
                'StringValue': correlation_id,
                'DataType': 'String'
            }
        }
    )
    return correlation_id


def serve_one_request():
    request = receive_all(request_queue_url, 1)[0]
    cid = request['MessageAttributes']['CorrelationId']['StringValue']
    payload = json.loads(request['Body'])
    sqs.send_message(QueueUrl=reply_queue_url, MessageBody=json.dumps({'sum': sum(payload['numbers'])}),
                     MessageAttributes={'CorrelationId': {'StringValue': cid, 'DataType': 'String'}})


def wait_for_reply(correlation_id):
    reply = receive_all(reply_queue_url, 1)[0]
    g.check_eq(reply['MessageAttributes']['CorrelationId']['StringValue'], correlation_id, 'reply CorrelationId')
    return json.loads(reply['Body'])


cid = send_request({'numbers': [1, 2, 3]})
serve_one_request()
g.check_eq(wait_for_reply(cid), {'sum': 6}, 'reply body')

# Event-driven architecture
event_queue_url = sqs.create_queue(QueueName=g.unique('event-queue'))['QueueUrl']


def publish_event(event_type, event_data):
    """Publish event to queue"""
    event = {
        'event_type': event_type,
        'event_data': event_data,
        'timestamp': str(datetime.now()),
        'source': 'user-service'
    }
    sqs.send_message(
        QueueUrl=event_queue_url,
        MessageBody=json.dumps(event),
        MessageAttributes={
            'EventType': {
                'StringValue': event_type,
                'DataType': 'String'
            }
        }
    )


publish_event('user.created', {'user_id': 7})
publish_event('email.send', {'to': 'u7@example.com', 'template': 'welcome'})
publish_event('analytics.track', {'event': 'user_registered', 'user_id': 7})
handled = {}
for m in receive_all(event_queue_url, 3):
    event = json.loads(m['Body'])
    g.check_eq(m['MessageAttributes']['EventType']['StringValue'], event['event_type'], 'EventType attribute')
    handled[event['event_type']] = event['event_data']
g.check_eq(handled, {'user.created': {'user_id': 7},
                     'email.send': {'to': 'u7@example.com', 'template': 'welcome'},
                     'analytics.track': {'event': 'user_registered', 'user_id': 7}}, 'events handled by type')

g.ok('patterns: fan-out, priority attributes, request-reply by CorrelationId, event routing by EventType')
