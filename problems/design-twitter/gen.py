"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

Twitter = load_class(__file__, "Twitter")

EARLY = range(1, 6)     # users who post a lot, early on; every reader follows some of them
LATE = range(6, 10)     # users who post a lot later; nobody follows them
READERS = range(10, 501)
P_EARLY = 5_500
P_LATE = 4_400
FEEDS = 7_880


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    ops, args = ["Twitter"], [[]]

    def call(op, *a):
        ops.append(op)
        args.append(list(a))

    small = rng.shuffled(range(0, 100))       # short ids for the tweets that show up in feeds
    big = rng.shuffled(range(100, 10_001))
    circle = {r: set() for r in READERS}

    # Phase 1: readers follow 3 to 5 of the early users while those post P_EARLY tweets; the last
    # 80 of them get short ids, since they are the ones the feeds return.
    setup = []
    for r in READERS:
        for e in rng.shuffled(EARLY)[: 3 + rng.below(3)]:
            setup.append(("follow", r, e))
            circle[r].add(e)
    posts = [("postTweet", EARLY[rng.below(len(EARLY))], big.pop()) for _ in range(P_EARLY - 80)]
    mixed = setup + posts
    rng.shuffle(mixed)
    mixed += [("postTweet", EARLY[rng.below(len(EARLY))], small.pop()) for _ in range(80)]
    for op in mixed:
        call(*op)

    # Phase 2: the late users post P_LATE tweets nobody follows. A feed that scans all tweets from
    # the newest must walk past all of them; a feed that gathers and sorts every tweet of the
    # people followed handles about P_EARLY * 4 / 5 tweets per call.
    for _ in range(P_LATE):
        call("postTweet", LATE[rng.below(len(LATE))], big.pop())

    # Phase 3: news feeds of random readers, with follows and unfollows, a few posts of readers
    # themselves, and the no-op cases (following oneself, unfollowing a non-followee).
    for i in range(FEEDS):  # stops just under 2 * 10^4 calls in all
        r = READERS[rng.below(len(READERS))]
        if i % 40 == 39:
            e = EARLY[rng.below(len(EARLY))]
            if e in circle[r] and len(circle[r]) > 2:
                call("unfollow", r, e)
                circle[r].discard(e)
            else:
                call("follow", r, e)
                circle[r].add(e)
        if i % 400 == 123:
            call("follow", r, r)
            call("unfollow", r, LATE[rng.below(len(LATE))])
        if i % 700 == 350 and small:
            call("postTweet", r, small.pop())
        if i % 1000 == 999:
            call("getNewsFeed", LATE[rng.below(len(LATE))])
        call("getNewsFeed", r)
    call("getNewsFeed", LATE[0])
    assert len(ops) <= 20_000

    tw = None
    expected = []
    for op, a in zip(ops, args):
        if op == "Twitter":
            tw = Twitter()
            expected.append(None)
        else:
            expected.append(getattr(tw, op)(*a))
    emit({"ops": ops, "args": args}, expected)


def small(rng):
    """Up to 30 calls among users 1..3 (posts, feeds, follows and unfollows, self-follows and
    unfollows of non-followees included); every post has a new id from 0..99, and often more than
    10 posts are visible to one feed."""
    ids = rng.shuffled(range(100))
    ops, args = ["Twitter"], [[]]
    for _ in range(rng.randint(1, 30)):
        r = rng.below(20)
        u, v = rng.randint(1, 3), rng.randint(1, 3)
        if r < 10:
            ops.append("postTweet")
            args.append([u, ids.pop()])
        elif r < 15:
            ops.append("getNewsFeed")
            args.append([u])
        elif r < 18:
            ops.append("follow")
            args.append([u, v])
        else:
            ops.append("unfollow")
            args.append([u, v])
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
