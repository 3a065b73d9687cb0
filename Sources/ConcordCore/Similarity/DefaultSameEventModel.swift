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
        "intercept" : -42.30020785317236,
        "sameLanguageThreshold" : 0.34,
        "thresholds" : {
          "de-de" : 0.32,
          "de-en" : 0.45,
          "en-en" : 0.68,
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
          "datesConflict" : -0.45622644494949594,
          "distinctiveMissing" : -0.761461570736907,
          "embedding" : 50.29819366133126,
          "embeddingCrossLingual" : 54.43252370719689,
          "length" : -4.320438051757366,
          "lexical" : 4.570314494210741,
          "noEntities" : 0.08675626156321081,
          "publishedGap" : -0.8269966213660739,
          "quantitiesConflict" : -0.005128528937642222,
          "quantitiesShared" : 0.538064451603437,
          "scoresConflict" : -2.004057758882168
        }
      },
      "lexicalOnly" : {
        "centers" : {
          "entities" : 0.108,
          "entitiesCrossLingual" : 0.196,
          "length" : 0.921,
          "lexical" : 0.093
        },
        "crossLingualThreshold" : 0.04,
        "intercept" : 0.5311265568818193,
        "sameLanguageThreshold" : 0.37,
        "thresholds" : {
          "de-de" : 0.22,
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
          "datesConflict" : -0.3806233421832552,
          "distinctiveMissing" : -1.2663678922926778,
          "entities" : 1.247206165224829,
          "entitiesCrossLingual" : 14.362754795198734,
          "length" : -3.832804279055315,
          "lexical" : 11.323934247998197,
          "noEntities" : 0.6241882415059704,
          "publishedGap" : -0.8347856900498487,
          "quantitiesConflict" : -0.21861696920923435,
          "quantitiesShared" : 1.4645421037682786,
          "scoresAgree" : 0.841356854770439,
          "scoresConflict" : -0.6699310521911817
        }
      },
      "provenance" : {
        "command" : "concord train",
        "l2" : "1.0",
        "pairs" : "42600",
        "positives" : "2028",
        "trainedOn" : "vmds,allsides_neus,rpm2_fr,semeval"
      }
    }
    """#
