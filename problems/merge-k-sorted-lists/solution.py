import heapq
from typing import List, Optional


# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        # The heap holds the front node of every list that still has nodes left. The list's index
        # breaks ties between equal values, so two ListNode objects are never compared.
        heap = [(node.val, i, node) for i, node in enumerate(lists) if node is not None]
        heapq.heapify(heap)

        dummy = tail = ListNode()
        while heap:
            _, i, node = heapq.heappop(heap)  # the smallest front node overall
            tail.next = node
            tail = node
            if node.next is not None:  # its successor becomes that list's new front
                heapq.heappush(heap, (node.next.val, i, node.next))
        return dummy.next
