import Testing

@testable import ConcordCore

/// Encodes `text` as UTF-8 and decodes the bytes as Windows-1252, the way a misconfigured feed does.
///
/// The five bytes Windows-1252 leaves undefined become C1 controls, as Latin-1 decoders produce.
private func mojibake(_ text: String) -> String {
    var table: [UInt8: Unicode.Scalar] = [:]
    for value in UInt32(0x80)...0xFFFF {
        guard let scalar = Unicode.Scalar(value), let byte = MojibakeRepair.byte(for: scalar) else { continue }
        if table[byte] == nil || value > 0xFF { table[byte] = scalar }
    }
    var view = String.UnicodeScalarView()
    for byte in text.utf8 {
        view.append(byte < 0x80 ? Unicode.Scalar(byte) : table[byte] ?? Unicode.Scalar(byte))
    }
    return String(view)
}

/// Compares scalar by scalar, so canonically equivalent but different strings do not pass.
private func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
    Array(lhs.unicodeScalars) == Array(rhs.unicodeScalars)
}

@Suite("MojibakeRepair")
struct MojibakeRepairTests {
    @Test(
        "Literal mojibake is repaired",
        arguments: [
            ("CittÃ  di Milano", "Città di Milano"),
            ("la CittÃ ", "la Città"),
            ("la CittÃ più bella", "la Città più bella"),
            ("cafÃ© crÃ¨me", "café crème"),
            ("it isnâ€™t", "it isn’t"),
            ("Ä‘á»™i tuyá»ƒn", "đội tuyển"),
            ("Viá»‡t Nam", "Việt Nam"),
            ("Ã‡alhanoÄŸlu", "Çalhanoğlu"),
            ("GÃ¶ttingen Ã¼ber", "Göttingen über"),
            ("Â« citation Â»", "« citation »"),
            ("fÃ1⁄4r MÃ1⁄4nchen", "für München"),
        ]
    )
    func repairsLiteral(input: String, expected: String) {
        #expect(sameScalars(MojibakeRepair.repair(input), expected))
    }

    @Test(
        "UTF-8 read as Windows-1252 round-trips",
        arguments: [
            "Città di Castello, perché no?",
            "L’équipe a gagné « à l’arraché » — enfin…",
            "Çalhanoğlu ve Kessié İstanbul’da şık bir gol attı.",
            "Thủ tướng Hun Sen đến Đà Nẵng ngày 7/11.",
            "Władysław Łódź, źródło: Gdańsk.",
            "Москва и Санкт-Петербург",
            "Ελλάδα και Κύπρος",
            "Straße über Köln – „Zitat“",
            "Ciudad de México: niño, año, España",
            "Emoji 😀 and €20",
            "北京欢迎你",
        ]
    )
    func roundTrips(original: String) {
        let damaged = mojibake(original)
        #expect(!sameScalars(damaged, original))
        #expect(sameScalars(MojibakeRepair.repair(damaged), original))
    }

    @Test(
        "Double encoding is undone",
        arguments: ["Ärger in München", "Çalhanoğlu", "Việt Nam", "naïve café"]
    )
    func doubleEncoding(original: String) {
        let twice = mojibake(mojibake(original))
        #expect(sameScalars(MojibakeRepair.repair(twice), original))
    }

    @Test(
        "Correct text is left untouched",
        arguments: [
            "Città", "Ελλάδα", "Việt Nam", "naïve", "SÃO PAULO", "NÃO É VERDADE", "Could SPÖ’s lead hold?",
            "«L’ÉTÉ»", "CAFÉ…", "AMANHÃ… talvez", "Ärger in München", "Æsir og Ørsted", "Ñoño", "Ölüdeniz’e",
            "Ça va? À bientôt.", "Москва", "北京", "Łódź", "A ± B", "Â", "Ã", "price: 5 £",
            "rien partagé\u{A0}»", "« débranché\u{A0}»", "CAFÉ\u{A0}»", "1 1⁄2 cups", "ÉTÉ 1⁄4",
        ]
    )
    func untouched(text: String) {
        #expect(sameScalars(MojibakeRepair.repair(text), text))
    }

    @Test("Mixed text is repaired only where damaged")
    func mixedText() {
        let input = "Città di Castello vs CittÃ  di Castello"
        #expect(sameScalars(MojibakeRepair.repair(input), "Città di Castello vs Città di Castello"))
    }

    @Test("French no-break space before » survives next to real mojibake")
    func frenchSpacingNextToMojibake() {
        let input = "rien partagé\u{A0}» et cafÃ©"
        #expect(sameScalars(MojibakeRepair.repair(input), "rien partagé\u{A0}» et café"))
    }

    @Test("Ambiguous all-caps sequences are repaired when the text has clear mojibake too")
    func ambiguousWithEvidence() {
        #expect(sameScalars(MojibakeRepair.repair("PERÃ’ cittÃ "), "PERÒ città"))
        #expect(sameScalars(MojibakeRepair.repair("PERÃ’"), "PERÃ’"))
    }
}
