"""Virtual time for user code.

The emulator owns time (an injected clock that tests move by hand), so `time.sleep` in a
statement must not block the worker: it adds to the statement's virtual duration instead, and
`time.time()` moves with it. The model then keeps the statement `running` for that long on its
own clock, where a cancel can still catch it.
"""

import time as _time

_real_time = _time.time
_state = {'start_ms': 0.0, 'slept_ms': 0.0}


def begin(now_ms):
    """Starts a statement at model time `now_ms` (epoch milliseconds)."""
    _state['start_ms'] = float(now_ms)
    _state['slept_ms'] = 0.0


def slept_ms():
    return _state['slept_ms']


def sleep(seconds):
    if not isinstance(seconds, (int, float)):
        raise TypeError(
            "'%s' object cannot be interpreted as an integer" % type(seconds).__name__
        )
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    _state['slept_ms'] += seconds * 1000.0


def now():
    return (_state['start_ms'] + _state['slept_ms']) / 1000.0


def now_ns():
    return int((_state['start_ms'] + _state['slept_ms']) * 1_000_000)


def install():
    """Routes the `time` module's sleep and wall clock to the virtual clock (once per process)."""
    _time.sleep = sleep
    _time.time = now
    _time.time_ns = now_ns
