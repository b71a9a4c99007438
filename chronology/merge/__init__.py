"""Merge stage: the corpus's event mentions become the chronology's TimelineEvents.

The same real-world event told by several documents becomes one event listing every mention and
source, dated by the finest date its mentions agree on; disagreeing dates are kept as conflicts
and reported as warnings. `words` says how tellings are compared, `dates` how dates agree,
`cluster` which mentions go together, `groups` runs that grouping over a corpus in compact form,
`timeline` how a group becomes an event, and `stored` the whole merge over a build's store.
"""

from chronology.merge.cluster import ClusterStats, candidate_pairs, similarity
from chronology.merge.groups import cluster
from chronology.merge.timeline import event_id, merge_events

__all__ = ["ClusterStats", "candidate_pairs", "cluster", "event_id", "merge_events", "similarity"]
