"""Guide: Common Use Cases 4 "Load Leveling" (distribute_work, worker() with MaxNumberOfMessages=1,
WaitTimeSeconds=20, VisibilityTimeout=60, run_workers with a ThreadPoolExecutor) and 2 "Asynchronous Task
Processing" (submit_task with a TaskType attribute, VisibilityTimeout=300). Several long-polling workers share
one queue; every item is processed once. The guide's endless worker loops end on a "stop" message per worker,
which also shows concurrent long polls being woken."""
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import guide_common as g

sqs = g.client()
work_queue_url = sqs.create_queue(QueueName=g.unique('work-queue'))['QueueUrl']
NUM_WORKERS = 4

lock = threading.Lock()
processed = []  # (worker, item)
task_types = []


def distribute_work(items):
    """Distribute work items across queue"""
    for item in items:
        sqs.send_message(
            QueueUrl=work_queue_url,
            MessageBody=json.dumps(item)
        )


def submit_task(task_type, task_data):
    """Submit task for asynchronous processing (use case 2)"""
    message = {
        'task_type': task_type,
        'task_data': task_data,
        'timestamp': str(datetime.now())
    }
    sqs.send_message(
        QueueUrl=work_queue_url,
        MessageBody=json.dumps(message),
        MessageAttributes={
            'TaskType': {
                'StringValue': task_type,
                'DataType': 'String'
            }
        }
    )


def process_work_item(name, work_item, message):
    with lock:
        processed.append((name, work_item))
        if 'TaskType' in message.get('MessageAttributes', {}):
            task_types.append(message['MessageAttributes']['TaskType']['StringValue'])


def worker(name):
    """Worker process: Process work items (ends on a stop message)"""
    worker_sqs = g.client()
    while True:
        response = worker_sqs.receive_message(
            QueueUrl=work_queue_url,
            MaxNumberOfMessages=1,
            WaitTimeSeconds=20,
            VisibilityTimeout=60,
            MessageAttributeNames=['All']
        )
        messages = response.get('Messages', [])
        if not messages:
            continue
        for message in messages:
            work_item = json.loads(message['Body'])
            worker_sqs.delete_message(
                QueueUrl=work_queue_url,
                ReceiptHandle=message['ReceiptHandle']
            )
            if work_item == 'stop':
                return name
            process_work_item(name, work_item, message)


items = [{'item': i} for i in range(20)]
with ThreadPoolExecutor(max_workers=NUM_WORKERS) as executor:
    futures = [executor.submit(worker, f'worker-{w}') for w in range(NUM_WORKERS)]
    distribute_work(items)
    submit_task('image_process', {'image': 'a.png'})
    submit_task('send_email', {'to': 'user@example.com'})
    deadline = time.monotonic() + 20
    while True:
        with lock:
            done = len(processed)
        if done >= len(items) + 2:
            break
        g.check(time.monotonic() < deadline, f'{done} of {len(items) + 2} items processed within 20 s')
        g.check(not any(f.done() for f in futures),
                f'a worker ended early: {[f.exception() for f in futures if f.done()]}')
        time.sleep(0.05)
    # the workers now sit in 20 s long polls: one stop message each wakes and ends them
    for _ in range(NUM_WORKERS):
        sqs.send_message(QueueUrl=work_queue_url, MessageBody=json.dumps('stop'))
    stopped_at = time.monotonic()
    ended = [f.result(timeout=10) for f in futures]
    g.check(time.monotonic() - stopped_at < 8, 'workers took too long to wake on their stop messages')

g.check_eq(sorted(ended), sorted(f'worker-{w}' for w in range(NUM_WORKERS)), 'workers ended')
work = [item for _, item in processed if 'item' in item]
g.check_eq(sorted(w['item'] for w in work), list(range(20)), 'work items processed (each exactly once)')
g.check_eq(sorted(task_types), ['image_process', 'send_email'], 'TaskType attributes of the submitted tasks')
g.check_eq(g.queue_counts(sqs, work_queue_url), (0, 0, 0), '(visible, in flight, delayed) at the end')
per_worker = {}
for name, _ in processed:
    per_worker[name] = per_worker.get(name, 0) + 1
print(f'items per worker: {per_worker}', flush=True)
g.ok(f'load leveling: {len(processed)} items over {NUM_WORKERS} long-polling workers, each once')
