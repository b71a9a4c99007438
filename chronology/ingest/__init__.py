"""Ingest stage: paths (files, folders, globs, `-`) to `Document`s with dated provenance.

Modules: `inputs` (paths, manifests lookup, the public `iter_inputs`), `decode` (bytes to
text), `formats` (one reader per format), `manifest` (manifest.csv), `dates` (field values,
URL and file-name dates, plausibility), `bylines` (byline/dateline grammar), `layout`
(headline, byline block and page furniture), `assemble` (the publication-date cascade),
`language` (whether a document is English, which the tagger reads).
"""

from chronology.ingest.inputs import iter_inputs

__all__ = ["iter_inputs"]
