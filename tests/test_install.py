"""What a wheel install gets: every data file the code reads, and the ontology, shapes and queries."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

from tests_support import ROOT

from kg import ontology_dir


def test_the_wheel_holds_every_file_kg_reads(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(tmp_path), "-q"],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # The package data the code opens by name ("data/first_names.txt" once went missing: not a .tsv).
    read = {match for path in (ROOT / "kg").rglob("*.py")
            for match in re.findall(r'joinpath\("([^"]+)"\)', path.read_text(encoding="utf-8"))}
    assert read and {f"kg/{name}" for name in read} <= names
    # The ontology beside the package, where kg.ontology_dir looks when there is no source tree.
    shipped = {name.split("/share/kg/ontology/")[1] for name in names if "/share/kg/ontology/" in name}
    in_tree = {str(path.relative_to(ROOT / "ontology")) for path in (ROOT / "ontology").rglob("*") if path.is_file()}
    assert shipped == in_tree and "shapes.ttl" in shipped and "queries/who_met_whom.rq" in shipped


def test_a_source_checkout_reads_its_own_ontology():
    assert ontology_dir() == ROOT / "ontology"
