// Placeholder until the first `concord train`: the former hand-set weights.

/// The built-in same-event model (JSON of ``SameEventModel``).
let defaultModelJSON = #"""
{
  "embedded": {
    "intercept": -37.6,
    "weights": {"embedding": 40, "embeddingCrossLingual": 40, "crossLingual": 3, "lexical": 10, "entities": 3,
                "entitiesCrossLingual": 6, "datesAgree": 1, "datesConflict": -2.5, "scoresAgree": 1,
                "scoresConflict": -3, "quantitiesShared": 0.8, "gap": -1.2},
    "thresholds": {}, "sameLanguageThreshold": 0.5, "crossLingualThreshold": 0.5
  },
  "lexicalOnly": {
    "intercept": -4.2,
    "weights": {"lexical": 14, "entities": 3, "entitiesCrossLingual": 6, "datesAgree": 1, "datesConflict": -2.5,
                "scoresAgree": 1, "scoresConflict": -3, "quantitiesShared": 0.8, "gap": -1.2},
    "thresholds": {}, "sameLanguageThreshold": 0.5, "crossLingualThreshold": 0.5
  },
  "provenance": {"source": "hand-set weights of session 1"}
}
"""#
