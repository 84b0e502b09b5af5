#!/usr/bin/env python3
"""Measures how long this machine stops a running thread: a spin loop that does nothing but read the
clock, and records every gap of more than 5 ms between two reads, with how much of the gap the kernel
charged to the thread as CPU time.

A gap charged as CPU time is one where the thread was running, as far as the kernel knows, yet
executed nothing: on a virtual machine, its virtual CPU was stopped under it (the host ran something
else, or handled an exit). No program on the machine can answer faster than such a stall lets it, so
this is the floor under any worst-case time per request measured here, `attendant bench --hostile`'s
included (docs/performance.md, "Hostile input"). A gap not charged as CPU is the guest's own
scheduler giving the core to another process.

    nice -n -15 python3 scripts/machine-stalls.py [SECONDS]     (default 300)
"""
import sys
import time


def main() -> None:
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 300.0
    end = time.monotonic() + duration
    last, last_cpu = time.monotonic(), time.thread_time()
    gaps = []
    reads = 0
    while last < end:
        now, cpu = time.monotonic(), time.thread_time()
        reads += 1
        if now - last > 0.005:
            gaps.append(((now - last) * 1000, (cpu - last_cpu) * 1000))
        last, last_cpu = now, cpu
    gaps.sort(reverse=True)
    stalls = [gap for gap in gaps if gap[1] >= 0.9 * gap[0]]
    print(
        f"{duration:.0f} s, {reads} clock reads; gaps over 5 ms: {len(gaps)}, of which charged as CPU "
        f"(stalls of the virtual CPU): {len(stalls)}; stalls over 20 ms: {sum(1 for g in stalls if g[0] > 20)}, "
        f"over 50 ms: {sum(1 for g in stalls if g[0] > 50)}")
    for wall, cpu in gaps[:10]:
        print(f"  gap {wall:.1f} ms, charged as CPU {cpu:.1f} ms")


if __name__ == "__main__":
    main()
