# Definition for a Node.
# class Node:
#     def __init__(self, x: int, next: 'Node' = None, random: 'Node' = None):
#         self.val = int(x)
#         self.next = next
#         self.random = random
from typing import Optional


class Solution:
    def copyRandomList(self, head: 'Optional[Node]') -> 'Optional[Node]':
        # Pass 1: one new node per original node, remembered by the original node itself
        # (values may repeat, so they cannot serve as keys). None maps to None.
        copy_of = {None: None}
        node = head
        while node is not None:
            copy_of[node] = Node(node.val)
            node = node.next

        # Pass 2: every pointer of a copy goes to the copy of the original's target.
        node = head
        while node is not None:
            copy = copy_of[node]
            copy.next = copy_of[node.next]
            copy.random = copy_of[node.random]
            node = node.next

        return copy_of[head]
