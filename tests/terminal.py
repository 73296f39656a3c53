"""Run the installed CLI with its stderr on a real terminal (a pseudo-terminal), as a user at one sees it: what
draws progress bars only on a terminal is tested against the same command piped."""

from __future__ import annotations

import os
import pty
import subprocess


def run_on_terminal(cli: str, *args: str, timeout: float = 300) -> tuple[int, bytes]:
    """The exit code and everything written to the terminal (stdout is thrown away)."""
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run([cli, *args], stdout=subprocess.DEVNULL, stderr=terminal, timeout=timeout)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal's other end is closed: all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    return done.returncode, shown
