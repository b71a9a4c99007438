"""eval stage: scoring the temporal tagger against annotated corpora.

- `evaluate(gold_dir, out_dir=None)`: TempEval-3 Task A scores on a folder of TimeML gold files
  (chronology.eval.tempeval; scorer in .scoring, tokeniser in .tokens, TimeML in .timeml).
- `evaluate_gold(gold_json, articles_dir)`: exact extent and value against tests/data/gold.json.
- `to_timeml(text, mentions, dct, doc_id)`: our mentions as a TimeML document.
"""

from chronology.eval.gold import GoldReport, evaluate_gold
from chronology.eval.tempeval import Report, evaluate
from chronology.eval.timeml import to_timeml

__all__ = ["GoldReport", "Report", "evaluate", "evaluate_gold", "to_timeml"]
