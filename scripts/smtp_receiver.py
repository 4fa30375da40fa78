"""A real SMTP receiver for the API tests (aiosmtpd): every message is written to a folder.

Usage: python smtp_receiver.py PORT DIR

Listens on 127.0.0.1:PORT, prints "READY" once listening, writes each received message as
DIR/<n>.json ({"mail_from", "rcpt_tos", "subject", "to", "body", "data"}: the decoded
subject and text body beside the raw message; written to a temporary name, then renamed,
so a reader never sees half a file), and stops when its standard input closes.
"""

import email
import email.policy
import json
import os
import sys
import uuid

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        data = envelope.content
        if isinstance(data, bytes):
            data = data.decode("utf-8", errors="replace")
        msg = email.message_from_string(data, policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain",))
        body = part.get_content() if part is not None else ""
        name = uuid.uuid4().hex
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": envelope.rcpt_tos,
                    "subject": str(msg["subject"] or ""),
                    "to": str(msg["to"] or ""),
                    "body": body,
                    "data": data,
                },
                f,
            )
        os.rename(tmp, os.path.join(self.folder, name + ".json"))
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Store(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
