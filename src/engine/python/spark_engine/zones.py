"""Time zones by name, also where Python has no time-zone database.

Pyodide ships `zoneinfo` without tz data, so a session time zone such as `America/New_York`
would silently become UTC. The worker that hosts the engine exposes the JavaScript runtime's
zone rules (`Intl`, full IANA data in Node and in browsers) as `livyZoneOffset`; natively the
system's `zoneinfo` data is used.
"""

import datetime
import time

_EPOCH = datetime.datetime(1970, 1, 1)
_cache = {}
_host = {'offset_at': None}


def capture_host():
    """Takes the host's zone function while `js` can still be imported (see livy_repl.seal)."""
    try:
        import js  # Pyodide's bridge to the worker's JavaScript

        _host['offset_at'] = js.livyZoneOffset
    except Exception:  # noqa: BLE001 - natively there is no host, and zoneinfo has data
        _host['offset_at'] = None


class _HostZone(datetime.tzinfo):
    """A zone whose offsets come from the host's `Intl` (minutes east of UTC at an instant)."""

    def __init__(self, name, offset_at):
        self._name = name
        self._offset_at = offset_at

    def _minutes(self, epoch_ms):
        return int(self._offset_at(self._name, float(epoch_ms)))

    def utcoffset(self, dt):
        if dt is None:
            return None
        local_ms = (dt.replace(tzinfo=None) - _EPOCH).total_seconds() * 1000.0
        guess = self._minutes(local_ms)
        return datetime.timedelta(minutes=self._minutes(local_ms - guess * 60000.0))

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return self._name

    def fromutc(self, dt):
        utc_ms = (dt.replace(tzinfo=None) - _EPOCH).total_seconds() * 1000.0
        return dt + datetime.timedelta(minutes=self._minutes(utc_ms))

    def __repr__(self):
        return 'zone(%r)' % self._name


def zone(name):
    """The tzinfo for a zone name (`UTC`, `+02:00`, `America/New_York`), or None if unknown."""
    if name in _cache:
        return _cache[name]
    found = _resolve(name)
    _cache[name] = found
    return found


def _resolve(name):
    if name in ('UTC', 'GMT', 'Z', 'Etc/UTC', 'Etc/GMT', '+00:00', 'Z'):
        return datetime.timezone.utc
    text = str(name)
    if text[:1] in '+-' and len(text) in (3, 6):
        try:
            hours = int(text[1:3])
            minutes = int(text[4:6]) if len(text) == 6 else 0
        except ValueError:
            return None
        delta = datetime.timedelta(hours=hours, minutes=minutes)
        return datetime.timezone(-delta if text[0] == '-' else delta)
    try:
        import zoneinfo

        return zoneinfo.ZoneInfo(text)
    except Exception:  # noqa: BLE001 - no tz data here (Pyodide): ask the host
        pass
    offset_at = _host['offset_at']
    if offset_at is None:
        capture_host()
        offset_at = _host['offset_at']
    if offset_at is None:
        return None
    try:
        offset_at(text, 0.0)
    except Exception:  # noqa: BLE001 - not a zone the host knows
        return None
    return _HostZone(text, offset_at)


def now_in(name):
    """The emulator's current time (the virtual clock) as wall time in zone `name`."""
    tz = zone(name) or datetime.timezone.utc
    return datetime.datetime.fromtimestamp(time.time(), tz).replace(tzinfo=None)
