import Testing

@testable import ConcordCore

/// Entity counts by key, for compact expectations.
private func counts(_ text: String, _ language: String?) -> [String: Int] {
    let mentions = EntityExtractor().entities(in: text, language: language)
    return Dictionary(uniqueKeysWithValues: mentions.map { ($0.key, $0.count) })
}

/// One extraction fixture: the keys and counts that must be found, and keys that must not be.
struct EntityCase: Sendable, CustomTestStringConvertible {
    var language: String?
    var text: String
    var expected: [String: Int]
    var absent: [String] = []

    var testDescription: String { "\(language ?? "nil"): \(text.prefix(40))" }
}

@Suite("EntityExtractor")
struct EntityExtractorTests {
    static let cases: [EntityCase] = [
        EntityCase(
            language: "it",
            text: """
                Hakan Çalhanoğlu ha segnato al decimo minuto contro la Juventus. Il centrocampista dell'Inter ha \
                esultato sotto la curva. Poi Çalhanoğlu ha servito Lautaro Martínez.
                """,
            expected: ["hakan calhanoglu": 2, "juventus": 1, "inter": 1, "lautaro martinez": 1],
            absent: ["il", "poi", "calhanoglu"]
        ),
        EntityCase(
            language: "de",
            text: """
                Die Abschaffung von Tierversuchen im Epizentrum der Krise beschäftigt Ursula von der Leyen. \
                Von der Leyen sprach mit Karl-Theodor zu Guttenberg.
                """,
            expected: ["ursula von der leyen": 2, "karl theodor zu guttenberg": 1],
            absent: ["abschaffung von tierversuchen", "epizentrum der krise", "tierversuchen", "krise"]
        ),
        EntityCase(
            language: "fr",
            text: """
                Le ministre de la Défense Juan Manuel Santos a parlé à BOGOTA. Bogota attend. GALERIA DE ARTE \
                ouverte.
                """,
            expected: ["juan manuel santos": 1, "bogota": 2],
            absent: ["defense juan manuel santos", "galeria de arte", "galeria"]
        ),
        EntityCase(
            language: "vi",
            text: """
                Thủ tướng Hun Sen đã gặp ông Nguyễn Tấn Dũng tại Phnom Penh. Ông Dũng cho biết hai bên sẽ hợp tác. \
                Chính phủ Campuchia đánh giá cao chuyến thăm.
                """,
            expected: ["hun sen": 1, "nguyen tan dung": 2, "phnom penh": 1, "campuchia": 1],
            absent: ["thu", "ong", "chinh", "dung"]
        ),
        EntityCase(
            language: "vi",
            text: "Chính quyền Campuchia giải thể đảng CNRP. LHQ lên tiếng phản đối quyết định này.",
            expected: ["campuchia": 1, "cnrp": 1, "lhq": 1],
            absent: ["chinh"]
        ),
        EntityCase(
            language: "en",
            text: """
                President Joe Biden met Emmanuel Macron in Paris on Monday. The two leaders discussed NATO. \
                Biden said the talks went well. Meanwhile, officials from the U.S. Army arrived.
                """,
            expected: ["joe biden": 2, "emmanuel macron": 1, "paris": 1, "nato": 1, "us army": 1],
            absent: ["president", "monday", "the", "meanwhile", "biden"]
        ),
        EntityCase(
            language: "fr",
            text: """
                Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée. Les deux dirigeants ont parlé de \
                l'Ukraine. Selon Macron, la réunion était utile.
                """,
            expected: ["emmanuel macron": 2, "olaf scholz": 1, "elysee": 1, "ukraine": 1],
            absent: ["le", "les", "selon"]
        ),
        EntityCase(
            language: "de",
            text: """
                Bundeskanzlerin Angela Merkel traf am Montag den französischen Präsidenten in Berlin. Die \
                Regierung plant neue Gesetze. Merkel sagte in Berlin, die Gespräche seien gut gewesen.
                """,
            expected: ["angela merkel": 2, "berlin": 2],
            absent: ["bundeskanzlerin", "montag", "prasidenten", "regierung", "gesetze", "gesprache", "die"]
        ),
        EntityCase(
            language: "es",
            text: """
                El Real Madrid ganó al FC Barcelona en el Santiago Bernabéu. Karim Benzema marcó dos goles. \
                Según Benzema, el equipo jugó bien.
                """,
            expected: ["real madrid": 1, "fc barcelona": 1, "santiago bernabeu": 1, "karim benzema": 2],
            absent: ["el", "segun"]
        ),
        EntityCase(
            language: "tr",
            text: """
                Hakan Çalhanoğlu'nun golüyle İnter, Milan'ı iki bir yendi. Çalhanoğlu maçtan sonra konuştu. \
                Bu galibiyet önemliydi.
                """,
            expected: ["hakan calhanoglu": 2, "inter": 1, "milan": 1],
            absent: ["bu"]
        ),
        EntityCase(
            language: "en",
            text: """
                Trump Says New Tariffs Will Start Soon
                Donald Trump said on Friday that the tariffs would start next month.
                """,
            expected: ["donald trump": 2],
            absent: ["says", "new tariffs", "tariffs", "soon", "will start soon"]
        ),
        EntityCase(
            language: "en",
            text: "Ivanka Trump joined Donald Trump. Donald Trump spoke first. Later Trump left.",
            expected: ["donald trump": 3, "ivanka trump": 1]
        ),
        EntityCase(
            language: "en",
            text: """
                Ursula von der Leyen met Mohammed bin Salman and Luiz Inácio Lula da Silva, then spoke about \
                Bashar al-Assad. Critics of Assad were not invited.
                """,
            expected: [
                "ursula von der leyen": 1, "mohammed bin salman": 1, "luiz inacio lula da silva": 1,
                "bashar al assad": 2,
            ]
        ),
        EntityCase(
            language: "en",
            text: "Mr. Smith met Dr. Jane Doe and George W. Bush in New York.",
            expected: ["smith": 1, "jane doe": 1, "george w bush": 1, "new york": 1],
            absent: ["mr smith", "dr jane doe"]
        ),
        EntityCase(
            language: "de",
            text: """
                Herr Müller und Frau Schmidt besuchten die Deutsche Bank in Frankfurt am Main. Später flogen \
                sie von Frankfurt nach Wien.
                """,
            expected: ["muller": 1, "schmidt": 1, "deutsche bank": 1, "frankfurt": 2],
            // A single German word seen once is not trusted (every noun is capitalized).
            absent: ["herr muller", "frau schmidt", "wien", "main"]
        ),
        EntityCase(
            language: "ru",
            text: "Владимир Путин прибыл в Москву. Путин провёл встречу.",
            expected: ["vladimir putin": 2]
        ),
        EntityCase(
            language: "pl",
            text: "Pogoda była zła, a pogoda jutro też nie będzie lepsza w Warszawie.",
            expected: ["warszawie": 1],
            absent: ["pogoda"]
        ),
    ]

    @Test("Names are found, counted and linked", arguments: cases)
    func extraction(fixture: EntityCase) {
        let found = counts(fixture.text, fixture.language)
        for (key, count) in fixture.expected {
            #expect(found[key] == count, "\(key) in \(found)")
        }
        for key in fixture.absent {
            #expect(found[key] == nil, "\(key) should be absent from \(found)")
        }
    }

    @Test(
        "Sentence-start function words are not names",
        arguments: [
            ("en", "The match ended. It was cold. However, nobody left."),
            ("it", "Nel frattempo la squadra ha vinto. Oggi si gioca ancora."),
            ("fr", "Hier, le match a été annulé. Les joueurs sont rentrés."),
            ("de", "Gestern wurde das Spiel abgesagt. Die Spieler fuhren nach Hause."),
            ("es", "Ayer el partido fue suspendido. Los jugadores volvieron."),
            ("vi", "Hôm qua trận đấu bị hoãn. Các cầu thủ đã về nhà."),
            ("tr", "Dün maç ertelendi. Bu karar herkesi şaşırttı."),
            ("pt", "Ontem o jogo foi adiado. Os jogadores voltaram."),
            ("nl", "Gisteren werd de wedstrijd afgelast. De spelers gingen naar huis."),
        ]
    )
    func functionWords(language: String, text: String) {
        #expect(EntityExtractor().entities(in: text, language: language).isEmpty)
    }

    @Test(
        "Caseless scripts return nothing",
        arguments: [
            ("zh", "北京时间11月7日，两国领导人在北京会面。"),
            ("ar", "التقى الرئيسان في دمشق يوم الاثنين."),
            ("th", "นายกรัฐมนตรีเดินทางถึงกรุงเทพ"),
            (nil, "东京奥运会今天正式开幕 UEFA"),
        ] as [(String?, String)]
    )
    func caseless(language: String?, text: String) {
        #expect(EntityExtractor().entities(in: text, language: language).isEmpty)
    }

    @Test("Results are sorted by count, then key, and keep the longest surface")
    func ordering() {
        let text = "Zeta Corp hired Alpha Beta. Alpha Beta and Zeta Corp met Gamma Delta. Later Beta spoke."
        let mentions = EntityExtractor().entities(in: text, language: "en")
        #expect(mentions.map(\.key) == ["alpha beta", "zeta corp", "gamma delta"])
        #expect(mentions.map(\.count) == [3, 2, 1])
        #expect(mentions.first?.surface == "Alpha Beta")
    }

    @Test("Key is the folded surface")
    func keyIsFolded() throws {
        let mentions = EntityExtractor().entities(in: "Ieri Franck Kessié ha giocato.", language: "it")
        let mention = try #require(mentions.first)
        #expect(mention.surface == "Franck Kessié")
        #expect(mention.key == NameFolding.fold(mention.surface))
    }
}
