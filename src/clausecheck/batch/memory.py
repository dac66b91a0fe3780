"""Resident memory of this process (Linux /proc; elsewhere the peak stands in for the current)."""

from __future__ import annotations

import os
import resource


def peak_rss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KB on Linux


def rss_kb() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return peak_rss_kb()
