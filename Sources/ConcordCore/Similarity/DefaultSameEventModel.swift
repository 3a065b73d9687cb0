// Written by `concord train --output Sources/ConcordCore/Similarity/DefaultSameEventModel.swift`.
// Do not edit by hand: retrain instead (see the README, "Same-event model").

/// The built-in same-event model (JSON of ``SameEventModel``).
let defaultModelJSON = #"""
{
  "embedded" : {
    "centers" : {
      "embedding" : 0.843,
      "embeddingCrossLingual" : 0.82,
      "length" : 0.921,
      "lexical" : 0.093
    },
    "crossLingualThreshold" : 0.32,
    "intercept" : -42.35948902802988,
    "sameLanguageThreshold" : 0.35,
    "thresholds" : {
      "de-de" : 0.32,
      "de-en" : 0.46,
      "en-en" : 0.62,
      "en-zh" : 0.22,
      "es-es" : 0.35,
      "es-it" : 0.27,
      "fr-fr" : 0.09,
      "it-it" : 0.48,
      "pl-pl" : 0.2,
      "tr-tr" : 0.46,
      "vi-vi" : 0.37,
      "zh-zh" : 0.43
    },
    "weights" : {
      "datesConflict" : -0.4566085210330052,
      "distinctiveMissing" : -0.7363267360792008,
      "embedding" : 50.33405787635143,
      "embeddingCrossLingual" : 54.470835231492956,
      "length" : -4.314433886495822,
      "lexical" : 4.5795019782050135,
      "noEntities" : 0.10783289352233526,
      "publishedGap" : -0.826275143182118,
      "quantitiesConflict" : -0.005220881374330582,
      "quantitiesShared" : 0.5379447507927216,
      "scoresConflict" : -2.0047339487170683
    }
  },
  "lexicalOnly" : {
    "centers" : {
      "entities" : 0.108,
      "entitiesCrossLingual" : 0.195,
      "length" : 0.921,
      "lexical" : 0.093
    },
    "crossLingualThreshold" : 0.04,
    "intercept" : 0.49517881214721715,
    "sameLanguageThreshold" : 0.37,
    "thresholds" : {
      "de-de" : 0.25,
      "de-en" : 0.03,
      "en-en" : 0.55,
      "en-zh" : 0.06,
      "es-es" : 0.41,
      "es-it" : 0.17,
      "fr-fr" : 0.16,
      "it-it" : 0.42,
      "pl-pl" : 0.21,
      "tr-tr" : 0.46,
      "vi-vi" : 0.28,
      "zh-zh" : 0.29
    },
    "weights" : {
      "datesConflict" : -0.3816248233240296,
      "distinctiveMissing" : -1.2327749407535515,
      "entities" : 1.253084142860203,
      "entitiesCrossLingual" : 14.372043169030682,
      "length" : -3.8213294087452567,
      "lexical" : 11.32594010814606,
      "noEntities" : 0.6512503560452251,
      "publishedGap" : -0.8328942056525621,
      "quantitiesConflict" : -0.22316340291914524,
      "quantitiesShared" : 1.4610668030865488,
      "scoresAgree" : 0.8431623383225326,
      "scoresConflict" : -0.6708448193445721
    }
  },
  "provenance" : {
    "command" : "concord train",
    "l2" : "1.0",
    "pairs" : "42603",
    "positives" : "2028",
    "trainedOn" : "vmds,allsides_neus,rpm2_fr,semeval"
  }
}
"""#
