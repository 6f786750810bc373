from collections import deque
from typing import List


class Solution:
    def alienOrder(self, words: List[str]) -> str:
        # Every letter used, in order of first appearance (a dict keeps insertion order).
        letters = list(dict.fromkeys(c for word in words for c in word))
        after = {c: {} for c in letters}  # after[a]: the letters known to come after a, as keys
        waiting = {c: 0 for c in letters}  # how many letters must come before c
        # Only neighbouring words carry information, and only at their first difference.
        for first, second in zip(words, words[1:]):
            for a, b in zip(first, second):
                if a != b:
                    if b not in after[a]:
                        after[a][b] = True
                        waiting[b] += 1
                    break
            else:
                # No difference: the shorter word must come first.
                if len(first) > len(second):
                    return ""
        # Kahn's topological sort over the letters.
        ready = deque(c for c in letters if waiting[c] == 0)
        order = []
        while ready:
            a = ready.popleft()
            order.append(a)
            for b in after[a]:
                waiting[b] -= 1
                if waiting[b] == 0:
                    ready.append(b)
        if len(order) < len(letters):  # some letters sit on a cycle of "comes before"
            return ""
        return "".join(order)
