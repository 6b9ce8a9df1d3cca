"""Writes Texts.resx (Swedish, the default) and Texts.en.resx from texts.tsv. Run after editing texts.tsv."""
import csv, os
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "texts.tsv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter="\t"))

header = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from texts.tsv by generate-resx.py: edit the TSV, not this file. -->
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
