#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the nvidia-smi log that data/screenshots/measured-run.png shows.

No public nvidia-smi log of a training run sits in the shared fixtures,
so the screenshot's log is made here, and says so in its name: two A100
GPUs sampled once a second for two hours, as

    nvidia-smi --query-gpu=timestamp,name,index,power.draw --format=csv -l 1

writes them, drawing 300-370 W with a dip to about 95 W every 15 minutes
(an evaluation pass). The numbers are deterministic (fixed seed).

    tools/screenshot-log.py OUT.csv
"""
import math
import random
import sys
from datetime import datetime, timedelta

def main(path):
    rng = random.Random(20240312)
    start = datetime(2024, 3, 12, 9, 0, 0)
    with open(path, "w", encoding="utf-8") as out:
        out.write("timestamp, name, index, power.draw [W]\n")
        for s in range(2 * 3600 + 1):
            stamp = (start + timedelta(seconds=s)).strftime("%Y/%m/%d %H:%M:%S.000")
            for gpu in range(2):
                phase = s / 1800.0 * 2 * math.pi + gpu * 0.8
                watts = 335 + 30 * math.sin(phase) + rng.gauss(0, 4)
                if s % 900 >= 870 and s > 0:
                    watts = 95 + rng.gauss(0, 3)
                out.write(f"{stamp}, NVIDIA A100-SXM4-80GB, {gpu}, {watts:.2f} W\n")

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
