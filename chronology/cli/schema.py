"""`chronology schema`: the JSON Schema that timeline.json validates against."""

from __future__ import annotations

import json

from chronology.cli import app


@app.command(epilog="Example:\n\n  chronology schema > chronology.schema.json")
def schema() -> None:
    """Print the JSON Schema of timeline.json (the Chronology model)."""
    from chronology.model import Chronology

    print(json.dumps(Chronology.model_json_schema(), indent=1))
