from typing import List


class Solution:
    def carFleet(self, target: int, position: List[int], speed: List[int]) -> int:
        # cars from the one closest to the target backward
        cars = sorted(zip(position, speed), reverse=True)
        fleets = []  # (distance, speed) of the slowest-arriving car of each fleet, front fleet first
        for pos, spd in cars:
            dist = target - pos
            # alone, this car would arrive after dist / spd hours. Compare that with the fleet
            # ahead's time d / s by cross-multiplying, which stays exact (no float rounding):
            # dist / spd <= d / s  exactly when  dist * s <= d * spd.
            if fleets:
                d, s = fleets[-1]
                if dist * s <= d * spd:
                    continue  # catches up by the target: joins that fleet
            fleets.append((dist, spd))
        return len(fleets)
