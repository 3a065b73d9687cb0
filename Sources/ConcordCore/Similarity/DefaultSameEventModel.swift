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
        "intercept" : -42.26728468907772,
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
          "datesConflict" : -0.461392379906473,
          "distinctiveMissing" : -0.7514866165600076,
          "embedding" : 50.24844064673431,
          "embeddingCrossLingual" : 54.378075905455,
          "length" : -4.317394271286853,
          "lexical" : 4.582817503453265,
          "noEntities" : 0.0946768876627926,
          "publishedGap" : -0.8259923733836717,
          "quantitiesConflict" : -0.003759506315754624,
          "quantitiesShared" : 0.5312588633483918,
          "scoresConflict" : -2.0043542487705914
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
        "intercept" : 0.4792638492464576,
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
          "datesConflict" : -0.4200830493246138,
          "distinctiveMissing" : -1.2238586637926894,
          "entities" : 1.2904996573277803,
          "entitiesCrossLingual" : 14.37667485070526,
          "length" : -3.8164399662604764,
          "lexical" : 11.342811594809156,
          "noEntities" : 0.6598518164371524,
          "publishedGap" : -0.8308762251702516,
          "quantitiesConflict" : -0.21484696630692776,
          "quantitiesShared" : 1.451617229751574,
          "scoresAgree" : 0.8515800982535656,
          "scoresConflict" : -0.6700251839836786
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
