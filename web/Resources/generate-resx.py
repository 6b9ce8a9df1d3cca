"""Writes Texts.resx (Swedish, the default) and Texts.en.resx from texts.tsv and then every other texts-*.tsv in this
folder (in name order), so that each part of the site can keep its texts in a file of its own. A key defined twice is an
error. Run after editing any of the TSV files."""
import csv, glob, os, sys
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
files = [os.path.join(here, "texts.tsv")] + sorted(glob.glob(os.path.join(here, "texts-*.tsv")))

rows, seen = [], {}
for path in files:
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            key = row["key"]
            if key in seen:
                sys.exit(f"{os.path.basename(path)}:{line}: the key {key} is already defined in {seen[key]}")
            seen[key] = f"{os.path.basename(path)}:{line}"
            rows.append(row)

header = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from texts.tsv and texts-*.tsv by generate-resx.py: edit the TSV files, not this file. -->
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for lang, name in (("sv", "Texts.resx"), ("en", "Texts.en.resx")):
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for row in rows:
            out.write(f'  <data name="{escape(row["key"])}" xml:space="preserve"><value>{escape(row[lang])}</value></data>\n')
        out.write("</root>\n")
