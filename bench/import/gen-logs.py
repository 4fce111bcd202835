#!/usr/bin/env python3
"""Generate big tracker logs for bench-import (Python stdlib only).

  gen-logs.py codecarbon OUT.csv [SIZE_MB]   CodeCarbon 3.3 emissions.csv,
      several runs of cumulative flush rows (default 1024 MB)
  gen-logs.py codecarbon1 OUT.csv [SIZE_MB]  CodeCarbon 1.x emissions.csv: no
      run id, every row a run of its own (default 50 MB)
  gen-logs.py nvidia-smi OUT.csv [SAMPLES]   nvidia-smi --query-gpu=
      timestamp,index,power.draw --format=csv, 8 GPUs (default 10 000 000 rows)
"""
import random
import sys

CC_HEADER = ("timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,"
             "cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"
             "water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,"
             "python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,"
             "latitude,ram_total_size,tracking_mode,cpu_utilization_percent,"
             "gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue\n")


def codecarbon(path, size_mb):
    target = size_mb * 1024 * 1024
    rnd = random.Random(1)
    written = 0
    with open(path, "w", newline="") as f:
        f.write(CC_HEADER)
        run = 0
        while written < target:
            run_id = "%08x-0000-4000-8000-%012x" % (rnd.getrandbits(32), run)
            rows = []
            duration = energy = 0.0
            for i in range(200000):
                duration += 15.0 + rnd.random()
                energy += 0.0021 + rnd.random() * 1e-4
                h, rem = divmod(int(duration), 3600)
                rows.append(
                    "2025-%02d-%02dT%02d:%02d:%02d,bench run %d,%s,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,"
                    "%r,%r,%r,42.5,301.2,6.0,%r,%r,%r,%r,0.0,France,FRA,île-de-france,,,"
                    "Linux-6.1.0-x86_64-with-glibc2.36,3.11.2,3.3.0,64,AMD EPYC 7742 64-Core Processor,"
                    "8,8 x NVIDIA A100-SXM4-80GB,2.3387,48.8582,512.0,machine,55.1,93.2,40.0,120.5,N,1.0,0.0\n"
                    % (1 + run % 12, 1 + h // 24 % 28, h % 24, rem // 60, rem % 60, run, run_id,
                       duration, energy * 0.056, energy * 0.056 / duration,
                       energy * 0.1, energy * 0.85, energy * 0.05, energy))
            chunk = "".join(rows)
            f.write(chunk)
            written += len(chunk.encode())
            run += 1
    print("%s: %d runs, %.0f MB" % (path, run, written / 1048576))


def nvidia_smi(path, samples):
    rnd = random.Random(2)
    gpus = 8
    with open(path, "w") as f:
        f.write("timestamp, index, power.draw [W]\n")
        t = 0
        buf = []
        for n in range(samples):
            gpu = n % gpus
            if gpu == 0:
                t += 100  # ms
            s, ms = divmod(t, 1000)
            m, s = divmod(s, 60)
            h, m = divmod(m, 60)
            w = "[N/A]" if rnd.random() < 1e-4 else "%.2f W" % (250 + rnd.random() * 150)
            buf.append("2025/01/%02d %02d:%02d:%02d.%03d, %d, %s\n" % (1 + h // 24, h % 24, m, s, ms, gpu, w))
            if len(buf) == 100000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
    print("%s: %d samples" % (path, samples))


def codecarbon1(path, size_mb):
    """CodeCarbon 1.x: one row per run, an experiment id each."""
    rng = random.Random(1)
    limit = size_mb * 1024 * 1024
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("timestamp,experiment_id,project_name,duration,emissions,energy_consumed,"
                "country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region\n")
        size = 0
        while size < limit:
            d = 60 + rng.random() * 3600
            kwh = d * 0.0002
            line = ("2022-04-%02dT%02d:%02d:%02d,%08x-fd77-4f02-bf40-%012x,codecarbon,%r,%r,%r,"
                    "Sweden,SWE,jönköping,N,,\n"
                    % (1 + rows // 86400 % 28, rows // 3600 % 24, rows // 60 % 60, rows % 60,
                       rows, rng.getrandbits(48), d, kwh * 0.3, kwh))
            f.write(line)
            size += len(line.encode("utf-8"))
            rows += 1
    print("%s: %d rows, %d runs" % (path, rows, rows))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if sys.argv[1] == "codecarbon":
        codecarbon(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1024)
    elif sys.argv[1] == "codecarbon1":
        codecarbon1(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50)
    elif sys.argv[1] == "nvidia-smi":
        nvidia_smi(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000)
    else:
        sys.exit(__doc__)
