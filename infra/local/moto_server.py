#!/usr/bin/env python3
"""Starts moto in server mode with DynamoDB writes made atomic, for the local cloud.

    moto_server.py -H 127.0.0.1 -p <port>      (the same arguments as moto's own moto_server)

moto's server handles every request on its own thread, and its DynamoDB backend checks a write's
condition and then applies the write as two separate steps. Two concurrent conditional writes can
therefore both pass their checks: 11 reservations succeed against 10 units of stock, an
`attribute_not_exists` put succeeds twice. Real DynamoDB never does this: a conditional write, and
a transaction as a whole, is atomic. This launcher serialises the backend's write operations
behind one lock before handing over to moto's own entry point, so conditions and transactions
behave as on AWS. Reads, queues, topics and long polls stay fully concurrent.
"""

import functools
import sys
import threading

from moto.dynamodb.models import DynamoDBBackend
from moto.server import main

_WRITES = ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item")
_lock = threading.RLock()


def _atomic(write):
    @functools.wraps(write)
    def locked(*args, **kwargs):
        with _lock:
            return write(*args, **kwargs)

    return locked


for _name in _WRITES:
    setattr(DynamoDBBackend, _name, _atomic(getattr(DynamoDBBackend, _name)))

if __name__ == "__main__":
    main(sys.argv[1:])
