"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

LRUCache = load_class(__file__, "LRUCache")

CAPACITY = 20_000
CALLS = 45_000  # calls to get and put, after the constructor
MAX_KEY = 100_000


def run(ops, args):
    cache = None
    out = []
    for op, a in zip(ops, args):
        if op == "LRUCache":
            cache = LRUCache(*a)
            out.append(None)
        else:
            out.append(getattr(cache, op)(*a))
    return out


def full_cache_mixed(rng):
    # Fill the cache to capacity, then mostly touch entries from the middle of the recency order
    # (neither end), so a cache that keeps its keys in a plain list pays a scan of about half the
    # capacity on every call, whichever end it treats as the recent one. Updates, inserts that evict,
    # and misses on evicted keys are mixed in.
    universe = rng.shuffled(range(MAX_KEY + 1))
    fresh = iter(universe)
    order = []  # the model's keys, least recently used first
    ops, args = ["LRUCache"], [[CAPACITY]]
    for _ in range(CAPACITY):
        k = next(fresh)
        ops.append("put")
        args.append([k, rng.below(100)])
        order.append(k)
    evicted = []
    while len(ops) < CALLS + 1:
        r = rng.below(100)
        if r < 70 or (r < 90 and not evicted):
            i = CAPACITY // 4 + rng.below(CAPACITY // 2)
            k = order.pop(i)
            order.append(k)
            if r < 80:
                ops.append("get")
                args.append([k])
            else:
                ops.append("put")
                args.append([k, rng.below(100)])
        elif r < 90:
            ops.append("get")
            args.append([evicted[rng.below(len(evicted))]])
        else:
            k = next(fresh)
            ops.append("put")
            args.append([k, rng.below(100)])
            evicted.append(order.pop(0))
            order.append(k)
    return ops, args


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    ops, args = full_cache_mixed(rng)
    emit({"ops": ops, "args": args}, run(ops, args))


def small(rng):
    """A short random call sequence on a tiny cache (capacity 1-3, keys 0-4), so that evictions,
    updates of present keys, refreshes by get and misses happen all the time."""
    ops, args = ["LRUCache"], [[rng.randint(1, 3)]]
    for _ in range(rng.randint(1, 12)):
        if rng.below(2):
            ops.append("get")
            args.append([rng.randint(0, 4)])
        else:
            ops.append("put")
            args.append([rng.randint(0, 4), rng.randint(0, 5)])
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
