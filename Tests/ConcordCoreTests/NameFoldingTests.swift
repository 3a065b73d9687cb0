import Testing

@testable import ConcordCore

@Suite("NameFolding")
struct NameFoldingTests {
    @Test(
        "Names fold to their key",
        arguments: [
            ("Hakan Çalhanoğlu", "hakan calhanoglu"),
            ("Franck Kessié", "franck kessie"),
            ("Đà Nẵng", "da nang"),
            ("Nguyễn Tấn Dũng", "nguyen tan dung"),
            ("İstanbul", "istanbul"),
            ("ISTANBUL", "istanbul"),
            ("Işıl Şahin", "isil sahin"),
            ("Łódź", "lodz"),
            ("Søren Kierkegaard", "soren kierkegaard"),
            ("Straße", "strasse"),
            ("Æsir Œuvre", "aesir oeuvre"),
            ("Jean-Marie Le Pen", "jean marie le pen"),
            ("O’Neill", "o neill"),
            ("bin-Salman", "bin salman"),
            ("U.S.", "us"),
            ("George W. Bush", "george w bush"),
            ("  Real   Madrid  ", "real madrid"),
            ("Москва", "moskva"),
            ("Владимир Путин", "vladimir putin"),
            ("Зеленський", "zelenskii"),
            ("Αθήνα", "athina"),
            ("ﬁnal", "final"),
            ("ＵＥＦＡ", "uefa"),
            ("G7", "g7"),
        ]
    )
    func fold(name: String, expected: String) {
        #expect(NameFolding.fold(name) == expected)
    }

    @Test(
        "Spelling variants share a key",
        arguments: [
            ("Çalhanoğlu", "Calhanoglu"),
            ("Kessié", "Kessie"),
            ("Đà Nẵng", "Da Nang"),
            ("Da-Nang", "Da Nang"),
            ("Erdoğan", "ERDOGAN"),
            ("Müller", "Muller"),
            ("Ibrahimović", "Ibrahimovic"),
        ]
    )
    func variants(first: String, second: String) {
        #expect(NameFolding.fold(first) == NameFolding.fold(second))
    }

    @Test("Caseless scripts keep their letters", arguments: ["北京", "دمشق", "กรุงเทพ"])
    func caseless(name: String) {
        #expect(NameFolding.fold(name).unicodeScalars.allSatisfy { $0.value > 0x7F || $0 == " " })
        #expect(!NameFolding.fold(name).isEmpty)
    }

    @Test("Punctuation alone folds to nothing", arguments: ["", " - ", "’", "..."])
    func empty(name: String) {
        #expect(NameFolding.fold(name).isEmpty)
    }
}
