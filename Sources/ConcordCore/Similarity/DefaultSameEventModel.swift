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
        "intercept" : -42.267126901459115,
        "sameLanguageThreshold" : 0.34,
        "thresholds" : {
          "de-de" : 0.32,
          "de-en" : 0.45,
          "en-en" : 0.68,
          "en-zh" : 0.22,
          "es-es" : 0.35,
          "es-it" : 0.27,
          "fr-fr" : 0.1,
          "it-it" : 0.47,
          "pl-pl" : 0.2,
          "tr-tr" : 0.45,
          "vi-vi" : 0.37,
          "zh-zh" : 0.42
        },
        "weights" : {
          "datesConflict" : -0.4613875219824256,
          "distinctiveMissing" : -0.7515208457203573,
          "embedding" : 50.2484856067388,
          "embeddingCrossLingual" : 54.37812850995238,
          "length" : -4.317607106233153,
          "lexical" : 4.582833421910193,
          "noEntities" : 0.09466249866566818,
          "publishedGap" : -0.8260112231151184,
          "quantitiesConflict" : -0.003745651960707372,
          "quantitiesShared" : 0.5312708465802801,
          "scoresConflict" : -2.0043479995593603
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
        "intercept" : 0.4794031758172048,
        "sameLanguageThreshold" : 0.33,
        "thresholds" : {
          "de-de" : 0.24,
          "de-en" : 0.03,
          "en-en" : 0.54,
          "en-zh" : 0.06,
          "es-es" : 0.4,
          "es-it" : 0.17,
          "fr-fr" : 0.13,
          "it-it" : 0.4,
          "pl-pl" : 0.19,
          "tr-tr" : 0.45,
          "vi-vi" : 0.28,
          "zh-zh" : 0.28
        },
        "weights" : {
          "datesConflict" : -0.4200743422724058,
          "distinctiveMissing" : -1.223889239009799,
          "entities" : 1.2904848032577805,
          "entitiesCrossLingual" : 14.376680832806558,
          "length" : -3.816580486383479,
          "lexical" : 11.342823582806204,
          "noEntities" : 0.6598314911445755,
          "publishedGap" : -0.8308881028847128,
          "quantitiesConflict" : -0.21483763968796032,
          "quantitiesShared" : 1.4516280079975632,
          "scoresAgree" : 0.8515849571982136,
          "scoresConflict" : -0.6700170095708086
        }
      },
      "provenance" : {
        "command" : "concord train",
        "l2" : "1.0",
        "pairs" : "42630",
        "positives" : "2030",
        "trainedOn" : "vmds,allsides_neus,rpm2_fr,semeval"
      }
    }
    """#
