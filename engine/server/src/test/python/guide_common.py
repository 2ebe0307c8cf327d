"""Helpers shared by the SQS-guide flows (sqs-guide.txt) run against a Sluice endpoint.

Each flow is a plain python3 + boto3 script: ``python3 <flow>.py ENDPOINT_URL``
(or with SLUICE_ENDPOINT set). It exits 0 when every check holds and non-zero with a
``FAIL:`` line on stderr otherwise. The only change from the guide's code is the client:
``boto3.client('sqs', endpoint_url=...)`` instead of ``boto3.client('sqs')``, and queue
URLs come from create_queue/get_queue_url instead of the hard-coded AWS URLs.
"""
import hashlib
import os
import sys
import time
import traceback
import uuid

import boto3


def fail(message):
    print('FAIL: ' + message, file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(1)  # at once, even with worker threads still inside a long poll


def _fail_on_uncaught(kind, value, tb):
    traceback.print_exception(kind, value, tb)
    fail(f'uncaught {kind.__name__}: {value}')


sys.excepthook = _fail_on_uncaught


def check(condition, message):
    if not condition:
        fail(message)


def check_eq(actual, expected, what):
    if actual != expected:
        fail(f'{what}: expected {expected!r} but was {actual!r}')


def endpoint():
    url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('SLUICE_ENDPOINT')
    if not url:
        fail(f'usage: python3 {os.path.basename(sys.argv[0])} ENDPOINT_URL (or set SLUICE_ENDPOINT)')
    return url


def client():
    """The guide's ``boto3.client('sqs')``, pointed at Sluice."""
    return boto3.client('sqs', endpoint_url=endpoint())


def unique(name):
    """A queue name no other flow (or earlier run against the same server) uses."""
    suffix = uuid.uuid4().hex[:8]
    if name.endswith('.fifo'):
        return f'{name[:-5]}-{suffix}.fifo'
    return f'{name}-{suffix}'


def md5(text):
    return hashlib.md5(text.encode('utf-8')).hexdigest()


def wait_until(probe, timeout, what, interval=0.1):
    """Polls ``probe()`` until it returns something truthy; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = probe()
        if last:
            return last
        if time.monotonic() >= deadline:
            fail(f'{what}: not reached within {timeout} s (last observed: {last!r})')
        time.sleep(interval)


def queue_counts(sqs, queue_url):
    """(visible, in flight, delayed) from get_queue_attributes."""
    a = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=[
        'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed'])['Attributes']
    return (int(a['ApproximateNumberOfMessages']), int(a['ApproximateNumberOfMessagesNotVisible']),
            int(a['ApproximateNumberOfMessagesDelayed']))


def error_code(client_error):
    return client_error.response.get('Error', {}).get('Code')


def ok(flow):
    print(f'OK: {flow}', flush=True)
