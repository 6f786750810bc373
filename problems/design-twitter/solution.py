import heapq
from collections import defaultdict
from typing import List


class Twitter:
    def __init__(self):
        self.clock = 0                      # grows with every post: larger means more recent
        self.tweets = defaultdict(list)     # userId -> [(time, tweetId), ...], oldest first
        self.following = defaultdict(set)   # followerId -> set of followeeIds

    def postTweet(self, userId: int, tweetId: int) -> None:
        self.tweets[userId].append((self.clock, tweetId))
        self.clock += 1

    def getNewsFeed(self, userId: int) -> List[int]:
        # k-way merge of the per-user lists, newest first: the heap holds one entry per user,
        # (-time, tweetId, user, index of that tweet in the user's list).
        heap = []
        for u in self.following[userId] | {userId}:
            posts = self.tweets.get(u)
            if posts:
                t, tid = posts[-1]
                heap.append((-t, tid, u, len(posts) - 1))
        heapq.heapify(heap)
        feed = []
        while heap and len(feed) < 10:
            _, tid, u, i = heapq.heappop(heap)
            feed.append(tid)
            if i > 0:  # that user's next older tweet becomes their candidate
                t, older = self.tweets[u][i - 1]
                heapq.heappush(heap, (-t, older, u, i - 1))
        return feed

    def follow(self, followerId: int, followeeId: int) -> None:
        if followerId != followeeId:  # own tweets are always in the feed already
            self.following[followerId].add(followeeId)

    def unfollow(self, followerId: int, followeeId: int) -> None:
        self.following[followerId].discard(followeeId)  # no-op when not following
