# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
from typing import Optional


class Solution:
    def mergeTwoLists(self, list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:
        placeholder = ListNode()  # sits in front of the result, so the first node is not special
        tail = placeholder
        while list1 is not None and list2 is not None:
            # Take the smaller front node; on a tie list1's node goes first.
            if list1.val <= list2.val:
                tail.next = list1
                list1 = list1.next
            else:
                tail.next = list2
                list2 = list2.next
            tail = tail.next
        # At most one list still has nodes, and they are sorted: attach them all at once.
        tail.next = list1 if list1 is not None else list2
        return placeholder.next
