// Written by `concord train --output Sources/ConcordCore/Similarity/DefaultSameEventModel.swift`.
// Do not edit by hand: retrain instead (see the README, "Same-event model").

/// The built-in same-event model (JSON of ``SameEventModel``).
let defaultModelJSON = #"""
    {
      "embedded" : {
        "centers" : {
          "embedding" : 0.842,
          "embeddingCrossLingual" : 0.82,
          "entities" : 0.102,
          "length" : 0.958,
          "lexical" : 0.082
        },
        "crossLingualThreshold" : 0.32,
        "intercept" : -46.54229111035989,
        "sameLanguageThreshold" : 0.31,
        "thresholds" : {
          "de-de" : 0.32,
          "de-en" : 0.51,
          "en-en" : 0.69,
          "en-zh" : 0.23,
          "es-es" : 0.36,
          "es-it" : 0.27,
          "fr-fr" : 0.1,
          "it-it" : 0.51,
          "pl-pl" : 0.18,
          "tr-tr" : 0.47,
          "vi-vi" : 0.21,
          "zh-zh" : 0.42
        },
        "weights" : {
          "datesConflict" : -0.3511838942881932,
          "embedding" : 54.93192907783765,
          "embeddingCrossLingual" : 59.18212407080109,
          "entities" : 0.9436004571330474,
          "gap" : -0.23411393299961905,
          "length" : -4.910224257615131,
          "lexical" : 3.8254116953439325,
          "noEntities" : 0.8875965889262254,
          "publishedGap" : -0.8092645973536631,
          "quantitiesConflict" : -0.03597346497825091,
          "quantitiesShared" : 0.48436243843770566,
          "scoresAgree" : 0.18813260440825894,
          "scoresConflict" : -1.9374591003655315
        }
      },
      "lexicalOnly" : {
        "centers" : {
          "entities" : 0.102,
          "entitiesCrossLingual" : 0.196,
          "length" : 0.958,
          "lexical" : 0.082
        },
        "crossLingualThreshold" : 0.04,
        "intercept" : -0.21350172880313867,
        "sameLanguageThreshold" : 0.26,
        "thresholds" : {
          "de-de" : 0.22,
          "de-en" : 0.03,
          "en-en" : 0.45,
          "en-zh" : 0.02,
          "es-es" : 0.38,
          "es-it" : 0.17,
          "fr-fr" : 0.15,
          "it-it" : 0.38,
          "pl-pl" : 0.16,
          "tr-tr" : 0.43,
          "vi-vi" : 0.21,
          "zh-zh" : 0.24
        },
        "weights" : {
          "datesConflict" : -0.3340623125640973,
          "distinctiveMissing" : -0.6502466373629687,
          "entities" : 1.988105460126056,
          "entitiesCrossLingual" : 15.112311652528259,
          "gap" : -0.2307993233844722,
          "length" : -3.76277981325171,
          "lexical" : 11.701438757803066,
          "noEntities" : 1.2683967186743357,
          "publishedGap" : -0.7750273603434216,
          "quantitiesConflict" : -0.22433664673712156,
          "quantitiesShared" : 1.4296489155248588,
          "scoresAgree" : 1.1327297010695787,
          "scoresConflict" : -0.6452761131884442
        }
      },
      "provenance" : {
        "command" : "concord train",
        "l2" : "1.0",
        "pairs" : "104461",
        "positives" : "3285",
        "trainedOn" : "vmds,allsides_neus,rpm2_fr,vlsp2022_abmusu,semeval"
      }
    }
    """#
