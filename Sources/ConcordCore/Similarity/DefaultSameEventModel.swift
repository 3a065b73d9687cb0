// Written by `concord train --output Sources/ConcordCore/Similarity/DefaultSameEventModel.swift`.
// Do not edit by hand: retrain instead (see the README, "Same-event model").

/// The built-in same-event model (JSON of ``SameEventModel``).
let defaultModelJSON = #"""
{
  "embedded" : {
    "crossLingualThreshold" : 0.32,
    "intercept" : -42.39335719453656,
    "sameLanguageThreshold" : 0.34,
    "thresholds" : {
      "de-de" : 0.32,
      "de-en" : 0.46,
      "en-en" : 0.62,
      "en-zh" : 0.22,
      "es-es" : 0.35,
      "es-it" : 0.27,
      "fr-fr" : 0.09,
      "it-it" : 0.47,
      "pl-pl" : 0.2,
      "tr-tr" : 0.45,
      "vi-vi" : 0.37,
      "zh-zh" : 0.42
    },
    "weights" : {
      "datesConflict" : -0.45655173725304493,
      "distinctiveMissing" : -0.7149590703072478,
      "embedding" : 50.3500641484789,
      "embeddingCrossLingual" : 54.485741900854464,
      "length" : -4.313493286844706,
      "lexical" : 4.584888373531721,
      "noEntities" : 0.12671612799325394,
      "publishedGap" : -0.8259265538536806,
      "quantitiesConflict" : -0.0053468894316762786,
      "quantitiesShared" : 0.5390464669275828,
      "scoresConflict" : -2.0043204068189713
    }
  },
  "lexicalOnly" : {
    "crossLingualThreshold" : 0.04,
    "intercept" : 0.39441561955122095,
    "sameLanguageThreshold" : 0.37,
    "thresholds" : {
      "de-de" : 0.25,
      "de-en" : 0.03,
      "en-en" : 0.55,
      "en-zh" : 0.06,
      "es-es" : 0.41,
      "es-it" : 0.18,
      "fr-fr" : 0.13,
      "it-it" : 0.42,
      "pl-pl" : 0.21,
      "tr-tr" : 0.46,
      "vi-vi" : 0.28,
      "zh-zh" : 0.29
    },
    "weights" : {
      "datesConflict" : -0.38127422721863047,
      "distinctiveMissing" : -1.1354855841805391,
      "entities" : 1.340400827750409,
      "entitiesCrossLingual" : 14.615663842360007,
      "length" : -3.8240989706429502,
      "lexical" : 11.345518902998126,
      "noEntities" : 0.7511612662210029,
      "publishedGap" : -0.8335067718092125,
      "quantitiesConflict" : -0.21861268559863722,
      "quantitiesShared" : 1.4616128625106963,
      "scoresAgree" : 0.8440802398251489,
      "scoresConflict" : -0.669469720540831
    }
  },
  "provenance" : {
    "command" : "concord train",
    "l2" : "1.0",
    "pairs" : "42599",
    "positives" : "2028",
    "trainedOn" : "vmds,allsides_neus,rpm2_fr,semeval"
  }
}
"""#
