#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of tools/build-catalog.py's known-models part (Epoch AI data).

Expected values come from the CSV itself, read here independently with the
csv module, and from ../shared/data/SOURCES.md (483 models), never from the
builder's own output.  Tests that need the shared data are skipped when it is
not next to the repository.
"""

import collections
import csv
import importlib.util
import json
import os
import tempfile
import unittest

SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(SRCDIR)
SHARED = os.path.join(os.environ.get("HUELLA_SHARED_DIR",
                                     os.path.join(REPO, "..", "shared")), "data")

spec = importlib.util.spec_from_file_location("build_catalog",
                                              os.path.join(REPO, "tools", "build-catalog.py"))
bc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bc)

with open(os.path.join(REPO, "data", "catalog", "gpus.json"), encoding="utf-8") as f:
    GPUS = json.load(f)
with open(os.path.join(REPO, "data", "catalog", "models.json"), encoding="utf-8") as f:
    SHIPPED = json.load(f)

HAVE_SHARED = os.path.exists(os.path.join(SHARED, bc.MODELS_CSV))

# The seven rows of the April 2025 snapshot whose "Training hardware" names two
# devices, copied from the CSV by hand.
TWO_NAME_CELLS = {
    "NVIDIA A100,NVIDIA H100 SXM5 80GB",
    "Google TPU v4,Google TPU v3",
    "NVIDIA Tesla V100 DGXS 32 GB,Huawei Ascend 910",
    "NVIDIA V100,NVIDIA Quadro RTX 6000",
    "NVIDIA M40,NVIDIA GeForce GTX TITAN X",
    "Google TPU v2,Google TPU v1",
    "NVIDIA GeForce GTX 280,Intel Core 2 Quad Q9450",
}


def table():
    return bc.model_hardware_table(SHARED, GPUS)


class HardwareCell(unittest.TestCase):
    TABLE = {"NVIDIA V100": "nvidia-v100-sxm2-16gb"}

    def test_single_mapped(self):
        self.assertEqual(bc.model_hardware("NVIDIA V100", self.TABLE),
                         ("NVIDIA V100", "nvidia-v100-sxm2-16gb", "catalog"))

    def test_single_unmapped_keeps_name(self):
        self.assertEqual(bc.model_hardware("Huawei Ascend 910B", self.TABLE),
                         ("Huawei Ascend 910B", None, "unmapped"))

    def test_two_names_are_mixed_even_when_both_map(self):
        hw, gid, match = bc.model_hardware("NVIDIA V100,NVIDIA V100 ", {
            "NVIDIA V100": "a"})
        # The same name twice is one device, not a mix.
        self.assertEqual((hw, gid, match), ("NVIDIA V100", "a", "catalog"))
        hw, gid, match = bc.model_hardware("NVIDIA V100,Google TPU v3", {
            "NVIDIA V100": "a", "Google TPU v3": "b"})
        self.assertEqual((hw, gid, match), ("NVIDIA V100, Google TPU v3", None, "mixed"))

    def test_empty(self):
        self.assertEqual(bc.model_hardware("  ", self.TABLE), (None, None, None))


class Country(unittest.TestCase):
    REGIONS = {"grid/US", "grid/FR", "grid/HK"}

    def test_first_country_with_a_grid(self):
        self.assertEqual(bc.model_region(
            bc.split_list("Multinational,United States of America,Multinational,France"),
            self.REGIONS), "grid/US")
        self.assertEqual(bc.model_region(["Hong Kong", "China"], self.REGIONS), "grid/HK")

    def test_unknown_or_missing(self):
        self.assertIsNone(bc.model_region([], self.REGIONS))
        self.assertIsNone(bc.model_region(["Multinational", "United States of"], self.REGIONS))


@unittest.skipUnless(HAVE_SHARED, "needs ../shared/data")
class MappingTable(unittest.TestCase):
    def test_every_epoch_row_of_the_gpu_table(self):
        t = table()
        with open(os.path.join(SHARED, "gpus_by_source.csv"), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["source_dataset"] == "Epoch AI chip dataset" and r["canonical_id"]:
                    self.assertEqual(t[r["name_in_source"]], r["canonical_id"])

    def test_known_names(self):
        t = table()
        # gpus_by_source.csv rows "NVIDIA V100", "NVIDIA A100", "Google TPU v3".
        self.assertEqual(t["NVIDIA V100"], "nvidia-v100-sxm2-16gb")
        self.assertEqual(t["NVIDIA A100"], "nvidia-a100-sxm4-40gb")
        self.assertEqual(t["Google TPU v3"], "google-tpu-v3")
        # Added here: the DGX Station's SXM2 V100 (GPT-3's hardware).
        self.assertEqual(t["NVIDIA Tesla V100 DGXS 32 GB"], "nvidia-v100-sxm2-32gb")
        self.assertNotIn("Huawei Ascend 910B", t)
        self.assertNotIn("NVIDIA H800 SXM5", t)

    def test_ids_exist(self):
        ids = {g["id"] for g in GPUS["gpus"]}
        for gid in table().values():
            self.assertIn(gid, ids)


@unittest.skipUnless(HAVE_SHARED, "needs ../shared/data")
class Counts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(SHARED, bc.MODELS_CSV), newline="", encoding="utf-8") as f:
            cls.rows = list(csv.DictReader(f))
        cls.by_name = {m["name"]: m for m in SHIPPED["models"]}

    def test_count_matches_sources_md(self):
        # SOURCES.md: "Kept: the 483 models with a training-compute estimate".
        self.assertEqual(len(self.rows), 483)
        self.assertEqual(len(SHIPPED["models"]), 483)

    def test_two_name_rows_are_mixed(self):
        cells = {r["Training hardware"] for r in self.rows if "," in r["Training hardware"]}
        self.assertEqual(cells, TWO_NAME_CELLS)
        mixed = [m for m in SHIPPED["models"] if m["hardware_match"] == "mixed"]
        self.assertEqual(len(mixed),
                         sum(1 for r in self.rows if r["Training hardware"] in TWO_NAME_CELLS))
        for m in mixed:
            self.assertIsNone(m["gpu"])
            self.assertIn(", ", m["hardware"])

    def test_mapped_rows_follow_the_table(self):
        t = table()
        expected = sum(1 for r in self.rows if r["Training hardware"] in t)
        self.assertEqual(sum(1 for m in SHIPPED["models"] if m["gpu"]), expected)
        for r in self.rows:
            m = self.by_name[r["Model"].strip()]
            self.assertEqual(m["hardware"] is None, r["Training hardware"].strip() == "")
            if r["Training hardware"] in t:
                self.assertEqual(m["gpu"], t[r["Training hardware"]])

    def test_gpt3_as_published(self):
        m = self.by_name["GPT-3 175B (davinci)"]
        self.assertEqual(m["flops"], 3.14e23)
        self.assertEqual(m["count"], 10000)
        self.assertEqual(m["hours"], 355.2)
        self.assertEqual(m["utilization"], 0.1968)
        self.assertEqual(m["hardware"], "NVIDIA Tesla V100 DGXS 32 GB")
        self.assertEqual(m["region"], "grid/US")
        self.assertEqual(m["confidence"], "Confident")

    def test_shipped_file_is_up_to_date(self):
        with open(os.path.join(REPO, "data", "catalog", "regions.json"), encoding="utf-8") as f:
            regions = json.load(f)
        self.assertEqual(bc.build_models(SHARED, GPUS, regions), SHIPPED)


@unittest.skipUnless(HAVE_SHARED, "needs ../shared/data")
class BadInput(unittest.TestCase):
    def write(self, d, rows):
        with open(os.path.join(SHARED, bc.MODELS_CSV), newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        with open(os.path.join(d, bc.MODELS_CSV), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, header)
            w.writeheader()
            for r in rows:
                w.writerow(dict({k: "" for k in header}, **r))
        os.symlink(os.path.join(SHARED, "gpus_by_source.csv"),
                   os.path.join(d, "gpus_by_source.csv"))

    def test_utilisation_above_one_names_line_and_field(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, [{"Model": "A", "Training compute (FLOP)": "1e20"},
                           {"Model": "B", "Training compute (FLOP)": "1e20",
                            "Hardware utilization": "1.5"}])
            with self.assertRaisesRegex(ValueError,
                                        r"epoch_notable_ai_models.csv:3: Hardware utilization"):
                bc.build_models(d, GPUS, {"regions": []})

    def test_missing_compute(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, [{"Model": "A"}])
            with self.assertRaisesRegex(ValueError, r":2: Training compute"):
                bc.build_models(d, GPUS, {"regions": []})


if __name__ == "__main__":
    unittest.main(verbosity=2)
