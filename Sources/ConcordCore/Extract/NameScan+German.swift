/// German word evidence for ``NameScan``: every German noun is capitalized, so these lists and tests
/// tell nouns (`Regierung`, `Gespräche`), roles (`US-Präsident`) and adjectives from names.
extension NameScan {
    /// A German article, pronoun or inflected adjective: the capitalized word after it is a noun.
    static func isGermanModifier(_ word: String, lexicon: NameLexicon) -> Bool {
        if lexicon.determiners.contains(word) { return true }
        guard word.count >= 4, word.first?.isLowercase ?? false, !germanNonAdjectives.contains(word),
            !word.hasSuffix("te"), !word.hasSuffix("ten")
        else { return false }
        return ["e", "en", "er", "es", "em"].contains { word.hasSuffix($0) }
    }

    static let germanNonAdjectives: Set<String> = [
        "gegen", "wegen", "zwischen", "unter", "hinter", "neben", "außer", "gegenüber", "oder", "aber", "sondern",
        "wieder", "immer", "haben", "waren", "werden", "wurden", "hatten", "sollen", "können", "müssen", "wollen",
        "dürfen", "seien", "wären", "hätten", "worden", "sagen", "kommen", "gehen", "geben", "bleiben", "nehmen",
        "treffen", "sowie", "ebenfalls", "innerhalb", "außerhalb", "oberhalb", "unterhalb", "entlang", "inmitten",
        "seitens", "mittels", "angesichts", "anstelle", "darunter", "darüber", "wobei", "gemeinsam", "zusammen",
        "allein", "bereits", "später", "früher", "weiter", "jeweils", "ohne", "eben", "oben", "habe", "gebe",
        "hier", "daher", "vorher", "nachher", "sieben", "zehn", "elf",
    ]

    static let germanNounSuffixes = [
        "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "ismus", "nis", "nisse", "tum",
        "tät", "ion", "ionen", "chen", "ment", "ling", "ik", "ie",
    ]

    /// Endings of German compounds that name a role or a kind of thing, not a name.
    static let germanRoleEndings = [
        "präsident", "präsidentin", "präsidenten", "kanzler", "kanzlerin", "minister", "ministerin", "chef", "chefin",
        "senator", "senatorin", "kandidat", "kandidatin", "sprecher", "sprecherin", "vorsitzende", "vorsitzender",
        "schauspieler", "schauspielerin", "sänger", "sängerin", "trainer", "trainerin", "publizist", "publizisten",
        "direktor", "direktorin", "leiter", "leiterin", "gouverneur", "gouverneurin", "autor", "autorin",
        "journalist", "journalistin", "moderator", "moderatorin", "bischof", "sekretär", "sekretärin", "kommissar",
        "kommissarin", "botschafter", "botschafterin", "stürmer", "torhüter", "spieler", "spielerin", "stadt",
        "bundesstaat", "bundesland", "sender", "zeitung", "konzern", "partei", "gemeinde",
    ]
}
