"""boto3 on one side of an SQS queue, Sluice's JMS provider on the other (Boto3InteropTest).

    python3 interop.py send ENDPOINT QUEUE            sends the plain-SQS messages the JMS consumer expects
    python3 interop.py receive ENDPOINT QUEUE COUNT   receives COUNT messages, prints each as a JSON line, deletes them

Credentials and region come from the environment (the test sets fixed local ones).
"""
import json
import sys
import time

import boto3


def client(endpoint):
    return boto3.client('sqs', endpoint_url=endpoint)


def send(endpoint, queue):
    sqs = client(endpoint)
    url = sqs.get_queue_url(QueueName=queue)['QueueUrl']
    sqs.send_message(QueueUrl=url, MessageBody='{"order_id":"42"}',
                     MessageAttributes={'OrderId': {'DataType': 'String', 'StringValue': '42'},
                                        'Quantity': {'DataType': 'Number', 'StringValue': '3'},
                                        'Price': {'DataType': 'Number', 'StringValue': '9.5'}})
    entries = [{'Id': str(i), 'MessageBody': 'batch-%d' % i,
                'MessageAttributes': {'Index': {'DataType': 'Number', 'StringValue': str(i)}}} for i in range(3)]
    result = sqs.send_message_batch(QueueUrl=url, Entries=entries)
    if result.get('Failed'):
        print('FAIL batch send: %s' % result['Failed'])
        sys.exit(1)
    print('SENT 4')


def receive(endpoint, queue, count):
    sqs = client(endpoint)
    url = sqs.get_queue_url(QueueName=queue)['QueueUrl']
    got = 0
    deadline = time.time() + 30
    while got < count and time.time() < deadline:
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=2,
                                MessageAttributeNames=['All'], AttributeNames=['All'])
        for m in r.get('Messages', []):
            attributes = {}
            for name, a in m.get('MessageAttributes', {}).items():
                value = a.get('StringValue')
                if value is None and 'BinaryValue' in a:
                    value = '<%d bytes>' % len(a['BinaryValue'])
                attributes[name] = {'DataType': a['DataType'], 'Value': value}
            print(json.dumps({'Body': m['Body'], 'MessageId': m['MessageId'], 'Attributes': attributes}))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
            got += 1
    if got < count:
        print('FAIL received %d of %d' % (got, count))
        sys.exit(1)


if __name__ == '__main__':
    action, endpoint, queue = sys.argv[1], sys.argv[2], sys.argv[3]
    if action == 'send':
        send(endpoint, queue)
    elif action == 'receive':
        receive(endpoint, queue, int(sys.argv[4]))
    else:
        print('FAIL unknown action ' + action)
        sys.exit(2)
