from collections import defaultdict, deque
from typing import List


def patterns(word):
    # "hot" -> ["*ot", "h*t", "ho*"]: one blanked position per pattern
    return [word[:i] + "*" + word[i + 1:] for i in range(len(word))]


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: List[str]) -> int:
        if endWord not in wordList:
            return 0

        # Two words are one letter apart exactly when they share a pattern.
        buckets = defaultdict(list)
        for word in wordList:
            for key in patterns(word):
                buckets[key].append(word)

        # Breadth-first search from beginWord; the first time endWord is reached is the shortest.
        seen = {beginWord}
        queue = deque([(beginWord, 1)])
        while queue:
            word, length = queue.popleft()
            if word == endWord:
                return length
            for key in patterns(word):
                for nxt in buckets[key]:
                    if nxt not in seen:
                        seen.add(nxt)
                        queue.append((nxt, length + 1))
                buckets[key] = []  # every word of this bucket is queued: never scan it again
        return 0
