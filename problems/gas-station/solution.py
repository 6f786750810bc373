from typing import List


class Solution:
    def canCompleteCircuit(self, gas: List[int], cost: List[int]) -> int:
        # If all the fuel on the road cannot pay for all the driving, no start works.
        if sum(gas) < sum(cost):
            return -1
        # Otherwise some start works. When the tank goes negative on arriving past station i,
        # no station from `start` to i can be the start either: restart just after i.
        start = 0
        tank = 0
        for i in range(len(gas)):
            tank += gas[i] - cost[i]
            if tank < 0:
                start = i + 1
                tank = 0
        return start
