# Definition for a Node.
# class Node:
#     def __init__(self, val = 0, neighbors = None):
#         self.val = val
#         self.neighbors = neighbors if neighbors is not None else []
from collections import deque
from typing import Optional


class Solution:
    def cloneGraph(self, node: Optional['Node']) -> Optional['Node']:
        if node is None:
            return None

        # original node -> its copy; also marks the nodes already reached
        copy_of = {node: Node(node.val)}
        queue = deque([node])
        while queue:
            current = queue.popleft()
            current_copy = copy_of[current]
            for neighbour in current.neighbors:
                if neighbour not in copy_of:  # first time we reach it: copy it, visit it later
                    copy_of[neighbour] = Node(neighbour.val)
                    queue.append(neighbour)
                current_copy.neighbors.append(copy_of[neighbour])  # keeps the original order
        return copy_of[node]
