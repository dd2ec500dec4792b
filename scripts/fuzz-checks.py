"""Schemathesis hooks for scripts/fuzz.sh: which 5xx answers are Livy's own.

Livy 0.9 answers some requests with a 500 on purpose: its catch-all turns an unhandled Java
exception into a JSON string holding the exception's toString() (REFERENCE 1.5, form B), e.g.
posting a statement to a session that is still starting. Those are expected. Anything else in
the 5xx range is a bug: the emulator's own internal error, a Jetty 500 page from the Node
adapter's last-resort guard, or a 5xx with another shape. Vendor gateways wrap Livy's message
in their envelope ({"message": ...}, {"Message": ...}), so the wrapped text is checked too.
"""

import json
import re

import schemathesis

LIVY_EXCEPTION = re.compile(r"^(java|javax|scala|org\.apache)\.")


def _livy_text(body):
    if isinstance(body, str):
        return body
    if isinstance(body, dict):
        for key in ("message", "Message", "msg", "error"):
            if isinstance(body.get(key), str):
                return body[key]
    return None


@schemathesis.check
def livy_like_server_errors(ctx, response, case):
    if response.status_code < 500:
        return None
    text = response.text or ""
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    message = _livy_text(parsed)
    if message is not None and LIVY_EXCEPTION.match(message) and "livy-emulator internal error" not in message:
        return None
    raise AssertionError(
        f"unexpected {response.status_code} (not a Java exception Livy's catch-all would answer): {text[:300]}"
    )
