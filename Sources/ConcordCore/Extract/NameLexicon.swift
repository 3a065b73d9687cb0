/// Small per-language word lists that steer ``EntityExtractor``.
///
/// Entries are lower-case and keep their diacritics: folding would merge Vietnamese `bà` (Mrs) with
/// `Ba` (three, and the first syllable of `Ba Lan`), so tokens are looked up by their lower-cased form.
/// - `functionWords`: words that are capitalized only because they open a sentence (`The`, `Nel`, `Les`,
///   `Trong`); at a sentence start they are never part of a name.
/// - `titles`: honorifics and offices stripped from the front of a name (`Mr`, `Thủ tướng`, `Bundeskanzlerin`);
///   phrases of up to three words.
/// - `sentenceStartTitles`: honorifics that are also name syllables, stripped only at a sentence start
///   (Vietnamese `Ông`, `Bà`: `Bà Nguyễn Thị Hoa` but `Bà Rịa`).
/// - `nonNames`: capitalized words that are not names anywhere (weekdays and months in languages that
///   capitalize them).
/// - `connectors`: lower-case words allowed inside a name (`de`, `van`, `bin`, `of`).
/// - `determiners`: German articles and pronouns; a single capitalized German word seen after one is a noun.
///
/// Languages: en, it, fr, de, es, pt, nl, tr, pl, vi. Any other cased language uses the union of all lists.
struct NameLexicon: Sendable {
    var functionWords: Set<String>
    var titles: Set<String>
    var sentenceStartTitles: Set<String>
    var nonNames: Set<String>
    var connectors: Set<String>
    /// The language's own connectors (`of`, `für`), as opposed to name particles (`van`, `bin`): after an
    /// unconfirmed sentence-opening word they mean a phrase (`Critics of Assad`), not a name.
    var phraseConnectors: Set<String>
    var determiners: Set<String>
    /// One-syllable names that stand alone in Vietnamese text (`Mỹ`, `Nga`, `Pháp`, `Âu`).
    var singleSyllableNames: Set<String> = []

    /// The lexicon for an ISO 639-1 code (`"vi"`, `"en-GB"` is read as `"en"`); the union for others or `nil`.
    static func forLanguage(_ language: String?) -> NameLexicon {
        let code = language.map { String($0.lowercased().prefix(2)) } ?? ""
        return byLanguage[code] ?? union
    }

    private static let byLanguage: [String: NameLexicon] = {
        var table: [String: NameLexicon] = [:]
        for (code, lists) in raw {
            table[code] = NameLexicon(
                functionWords: words(lists.function),
                titles: Set(lists.titles.split(separator: "|").map { $0.lowercased() }),
                sentenceStartTitles: words(lists.sentenceStartTitles),
                nonNames: words(lists.nonNames),
                connectors: words(sharedConnectors + " " + lists.connectors),
                phraseConnectors: words(lists.connectors),
                determiners: words(lists.determiners),
                singleSyllableNames: code == "vi" ? words(vietnameseSingleSyllableNames) : []
            )
        }
        return table
    }()

    private static let union: NameLexicon = byLanguage.values.reduce(
        NameLexicon(
            functionWords: [], titles: [], sentenceStartTitles: [], nonNames: [], connectors: [], phraseConnectors: [],
            determiners: []
        )
    ) { result, next in
        NameLexicon(
            functionWords: result.functionWords.union(next.functionWords),
            titles: result.titles.union(next.titles),
            sentenceStartTitles: result.sentenceStartTitles.union(next.sentenceStartTitles),
            nonNames: result.nonNames.union(next.nonNames),
            connectors: result.connectors.union(next.connectors),
            phraseConnectors: result.phraseConnectors.union(next.phraseConnectors),
            determiners: []
        )
    }

    private static func words(_ list: String) -> Set<String> {
        Set(list.split(separator: " ").map { $0.lowercased() })
    }

    private static let vietnameseSingleSyllableNames = """
        mỹ nga pháp đức anh úc lào nhật hàn ý bỉ séc huế thái tàu triều miên xiêm hoa trung ấn việt âu phi á \
        ả rập nam bắc hà
        """

    private static let sharedConnectors = "de da do dos das di del della van von der den ter du des bin ibn al el"

    private struct Lists {
        var function: String
        var titles: String
        var sentenceStartTitles: String = ""
        var nonNames: String = ""
        var connectors: String = ""
        var determiners: String = ""
    }

    private static let raw: [String: Lists] = [
        "en": Lists(
            function: """
                the a an this that these those it its he she they we i you his her their our my your in on at \
                for from with by of to as after before but and or if when while where what who whom which how \
                why there here then so yet also however meanwhile still now today yesterday tomorrow last next \
                some many most more all both each every no not one two three during under over about since \
                until although though because despite according other another such only just even instead \
                whether can could will would should may might must do does did is are was were be been has have \
                had new first former earlier later thus once several few much any neither nor either please \
                let like unlike among between against without within through across around following amid \
                asked said says indeed moreover furthermore overall finally perhaps
                """,
            titles: """
                mr|mrs|ms|miss|dr|prof|sir|dame|lord|president|vice president|prime minister|minister|secretary|\
                senator|sen|rep|representative|gov|governor|gen|king|queen|prince|princess|pope|\
                chancellor|coach|manager|captain|judge|mayor|officer|sheriff|ceo|chairman|chairwoman|\
                speaker|ambassador|commissioner|director|foreign minister|defense secretary|secretary of state|\
                lt|col|capt|sgt|adm|admiral|rev|father|justice|attorney general|premier|leader|\
                spokesman|spokeswoman|spokesperson|striker|midfielder|defender|goalkeeper|head coach
                """,
            nonNames: """
                monday tuesday wednesday thursday friday saturday sunday january february march april june \
                july august september october november december jan feb mar apr jun jul aug sep sept oct nov \
                dec mon tue tues wed thu thur thurs fri sat sun
                """,
            connectors: "of for"
        ),
        "it": Lists(
            function: """
                il lo la i gli le un uno una l nel nella nei negli nelle del della dei degli delle al alla ai \
                agli alle dal dalla dai dagli sul sulla sui sugli e ed o ma se che chi come dove quando perché \
                anche non per con tra fra su da di a in questo questa questi queste quello quella quelli oggi \
                ieri domani dopo prima poi ora già ancora secondo mentre intanto inoltre infatti tuttavia però \
                così sono era erano ha hanno ci si ne tutto tutti tutte ogni nessuno alcuni molti qui lì lui lei \
                loro noi voi io è
                """,
            titles: """
                signor|sig|signora|presidente|premier|ministro|ministra|papa|dottor|dott|onorevole|on|sindaco|\
                allenatore|mister|tecnico|capitano|presidente del consiglio|segretario|senatore|deputato|avv|\
                commissario|generale|re|regina|principe|don|padre
                """,
            connectors: "dei degli dello d'"
        ),
        "fr": Lists(
            function: """
                le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je tu et \
                ou mais donc or ni car si que qui quoi quand comme dans pour par sur avec sans sous selon après \
                avant depuis pendant entre chez vers aujourd hier demain puis alors ainsi aussi encore déjà \
                toujours jamais ne pas plus tout tous toute toutes chaque son sa ses leur leurs notre nos votre \
                mon ma mes cependant pourtant enfin lors contre parmi en y c est était sont ont a cela ceci \
                celui celle ceux celles quel quelle quels quelles dès plutôt très vos voici voilà ensuite qu \
                même merci seul seule seuls quelques parce lorsque lorsqu tandis outre certes désormais afin
                """,
            titles: """
                m|mme|mlle|monsieur|madame|mademoiselle|président|présidente|ministre|premier ministre|général|\
                maire|docteur|dr|pr|professeur|sénateur|député|députée|juge|roi|reine|prince|princesse|pape|\
                secrétaire|chancelier|chancelière|entraîneur|capitaine|me|maître|commissaire
                """,
            nonNames: """
                lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet \
                août septembre octobre novembre décembre
                """,
            connectors: "d' l' le la"
        ),
        "de": Lists(
            function: """
                der die das den dem des ein eine einen einem einer eines er sie es wir ihr ich du man und oder \
                aber denn doch wenn als ob weil dass nach vor bei mit von zu aus auf in im am an um für über \
                unter zwischen gegen ohne seit bis durch wie wo was wer wann warum auch noch schon nun jetzt \
                heute gestern morgen dann da so zudem jedoch dennoch trotzdem allerdings laut dieser diese \
                dieses diesen diesem jeder jede jedes alle viele mehr nicht kein keine sein seine ihre ihren \
                unser zum zur vom beim ins hier dort bereits damit dabei dazu deshalb daher sowie nur etwa \
                insgesamt zunächst inzwischen hat haben ist sind war waren wird werden wurde wurden kann können \
                soll sollen muss müssen
                """,
            titles: """
                herr|frau|dr|prof|professor|präsident|präsidentin|bundespräsident|bundespräsidentin|\
                bundeskanzlerin|bundeskanzler|kanzlerin|kanzler|minister|ministerin|ministerpräsident|\
                ministerpräsidentin|bürgermeister|bürgermeisterin|oberbürgermeister|trainer|papst|könig|königin|\
                prinz|prinzessin|chef|chefin|sprecher|sprecherin|abgeordnete|abgeordneter|vorsitzende|\
                vorsitzender|parteichef|parteichefin|bundesinnenminister|gesundheitsminister|außenminister|\
                innenminister|finanzminister|landrat|landrätin
                """,
            nonNames: """
                montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni \
                juli august september oktober november dezember hause hilfe kraft grund bedarf ende anfang \
                beginn mitte jahr jahre jahren prozent euro uhr zeit menschen leute angaben sicht ort stelle \
                folge fall teil weg ziel platz polizei woche wochen tag tage tagen monat monaten minuten stunden \
                millionen milliarden
                """,
            connectors: "für zu",
            determiners: """
                der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner \
                dieser diese dieses diesen diesem jeder jede jedes jeden jedem mein meine meinen sein seine \
                seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren euer eure alle allen \
                beim im am zum zur vom ins ans welche welcher welches viele vielen mehrere mehreren manche \
                solche solchen
                """
        ),
        "es": Lists(
            function: """
                el la los las lo un una unos unas al del de y e o u pero si que quien como donde cuando porque \
                con sin por para en entre sobre tras desde hasta según durante ante bajo este esta estos estas \
                ese esa esos esas aquel hoy ayer mañana después antes luego ahora también ya aún todavía no más \
                todo todos toda todas cada su sus nuestro mi mis tu además así mientras es son fue fueron ha han \
                hay se le les nos yo él ella ellos ellas usted
                """,
            titles: """
                señor|sr|sra|señora|srta|don|doña|presidente|presidenta|ministro|ministra|rey|reina|príncipe|\
                princesa|papa|alcalde|alcaldesa|general|doctor|dr|dra|secretario|secretaria|diputado|diputada|\
                senador|senadora|entrenador|técnico|capitán|juez|jueza
                """,
            connectors: "la las los"
        ),
        "pt": Lists(
            function: """
                o a os as um uma uns umas ao aos do da dos das no na nos nas pelo pela pelos pelas de em e ou mas \
                se que quem como onde quando porque com sem por para entre sobre após desde até segundo durante \
                este esta estes estas esse essa isso aquele hoje ontem amanhã depois antes agora também já ainda \
                não mais todo todos toda todas cada seu sua seus suas nosso meu minha além assim enquanto é são \
                foi foram há tem ele ela eles elas eu você
                """,
            titles: """
                senhor|sr|sra|senhora|dona|presidente|presidenta|ministro|ministra|rei|rainha|príncipe|papa|\
                prefeito|prefeita|governador|governadora|general|doutor|dr|dra|deputado|deputada|senador|\
                senadora|treinador|técnico|capitão|juiz|juíza
                """
        ),
        "nl": Lists(
            function: """
                de het een en of maar als dat die dit deze wie wat waar wanneer waarom hoe in op aan voor na met \
                door bij uit over onder tegen tussen zonder volgens tijdens sinds tot om van naar hij zij ze wij \
                we ik jij u je zijn haar hun ons mijn er hier daar nu toen dan ook nog al niet geen meer veel \
                alle elke ieder vandaag gisteren morgen later eerder inmiddels echter bovendien is was waren \
                heeft hebben had wordt worden werd kan moet zal
                """,
            titles: """
                de heer|heer|mevrouw|meneer|mr|dr|prof|premier|minister|president|burgemeester|koning|koningin|\
                prins|prinses|paus|trainer|coach|staatssecretaris|minister-president
                """,
            connectors: "van der den de ter ten het"
        ),
        "tr": Lists(
            function: """
                bu şu o bir ve ile veya ama fakat ancak ki de da ne neden nasıl nerede her hiç tüm bütün bazı \
                çok daha en gibi için ise sonra önce şimdi bugün dün yarın ayrıca hatta böylece dolayısıyla yine \
                hem ya ben sen biz siz onlar bunun bunu buna bunlar onun ona onu oysa bile öte yandan
                """,
            titles: """
                sayın|bay|bayan|cumhurbaşkanı|başbakan|bakan|başkan|genel başkan|teknik direktör|hoca|\
                milletvekili|vali|belediye başkanı|sözcü|kral|kraliçe|papa|dr|prof|doç|av|general|orgeneral|\
                dışişleri bakanı|sağlık bakanı|içişleri bakanı|valisi|bakanı|başkanı|müdürü|sözcüsü|kaymakamı|\
                genel müdürü|başkan yardımcısı|bakan yardımcısı
                """,
            nonNames: """
                pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat mart nisan mayıs haziran \
                temmuz ağustos eylül ekim kasım aralık
                """
        ),
        "pl": Lists(
            function: """
                i w we z ze na do od po o u za przez dla przy pod nad przed między bez jak jest są był była było \
                byli ten ta to te tego tej tym tych który która które kto co gdzie kiedy dlaczego ale lub albo \
                czy że oraz jednak także też już jeszcze nie tak więc dziś dzisiaj wczoraj jutro teraz potem \
                według podczas wszystko wszyscy każdy jego jej ich nasz mój on ona oni my wy ja się
                """,
            titles: """
                pan|pani|prezydent|premier|minister|ministra|marszałek|poseł|posłanka|senator|prezes|papież|\
                król|królowa|książę|trener|burmistrz|prezydent miasta|wojewoda|dr|prof|ks|ksiądz|generał|\
                rzecznik|rzeczniczka|św
                """
        ),
        "vi": Lists(
            function: """
                các những nhưng một này đó kia như và hoặc mà thì là của cho với tại từ trong ngoài trên dưới \
                sau trước khi nếu vì để đã đang sẽ còn cũng rất theo về đến hôm ngày sáng chiều tối đêm gần \
                hơn mỗi tất mọi người ai gì đâu bao không chưa có được bị bởi vậy nên dù hiện lúc tôi \
                chúng họ nó mình đây tháng năm tuần thêm nhiều ít vào ra lên xuống cả chỉ riêng trước \
                ngay điều việc sự cuộc vụ nhằm qua
                """,
            titles: """
                thủ tướng|chủ tịch|tổng thống|bộ trưởng|tổng bí thư|phó thủ tướng|phó chủ tịch|đại sứ|hlv|\
                huấn luyện viên|đồng chí|thượng nghị sĩ|giáo sư|tiến sĩ|gs|ts|pgs|thứ trưởng|chủ tịch nước|\
                quốc vương|nữ hoàng|giáo hoàng|thủ lĩnh|người phát ngôn|đại tướng|thiếu tướng|trung tướng|\
                thượng tướng|đại tá|thượng tá|trung tá|thiếu tá|nhà vua|hoàng tử|công chúa|thủ môn|tiền đạo|\
                hậu vệ|tiền vệ|ngoại trưởng|ngài
                """,
            sentenceStartTitles: "ông bà anh chị cô chú bác cụ",
            nonNames: "ảnh clip video"
        ),
    ]
}
