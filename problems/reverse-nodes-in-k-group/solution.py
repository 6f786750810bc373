from typing import Optional


# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def reverseKGroup(self, head: Optional[ListNode], k: int) -> Optional[ListNode]:
        dummy = ListNode(0, head)  # a node before the head makes the first block like any other
        before = dummy  # the node just before the block about to be reversed
        while True:
            # Find the block's last node; if fewer than k nodes remain, they stay as they are.
            last = before
            for _ in range(k):
                last = last.next
                if last is None:
                    return dummy.next
            after = last.next

            # Reverse the k links of the block. Starting `prev` at `after` makes the block's old
            # first node point to the rest of the list once it is reversed.
            first = before.next
            prev, cur = after, first
            while cur is not after:
                cur.next, prev, cur = prev, cur, cur.next

            before.next = last  # the old last node now leads the block
            before = first  # and the old first node ends it
