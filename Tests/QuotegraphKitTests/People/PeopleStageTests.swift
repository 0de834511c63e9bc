import Foundation
import Testing

@testable import QuotegraphKit

/// The default pipeline's text stages over one line, as `quotegraph tag` runs them.
private let tagger = Tagger(pipeline: Fixture.defaultPipeline)

/// The mentions written `written` in `text`, each with its entity.
private func mentions(of written: String, in text: String) throws -> [(Mention, EntityRecord)] {
  let document = try document(text)
  return document.mentions.filter { document.text[$0.range] == written }.map {
    ($0, document.entities[$0.entity])
  }
}

private func document(_ text: String) throws -> Document {
  try tagger.document(for: text)
}

private func people(_ text: String) throws -> [String] {
  let document = try document(text)
  return document.mentions.filter { document.entities[$0.entity].kind == .person }.map {
    document.text[$0.range]
  }
}

@Suite("Person discovery (person.discover.v1)")
struct PersonDiscoveryTests {
  @Test(
    "names the gazetteer lacks, and words that only look like names",
    arguments: [
      ("外交部发言人汪文斌表示，中方坚决反对。", ["汪文斌"]),
      ("记者李文云报道", ["李文云"]),
      ("俄罗斯国家杜马国际事务委员会主席列昂尼德•斯卢茨基说", ["列昂尼德•斯卢茨基"]),
      ("研究员贾斯汀·谢尔曼表示。", ["贾斯汀·谢尔曼"]),
      // Mc, Mac and O' before a second capital belong to a Latin surname.
      ("白宫发言人Kayleigh McEnany称，机会渺茫。", ["Kayleigh McEnany"]),
      // Traditional characters weigh as their simplified forms (羅 as 罗, 說 as 说).
      ("行政院政務委員羅秉成表示，台灣很好。", ["羅秉成"]),
      ("羅秉成說，台灣模式成為對象。", ["羅秉成"]),
      ("他为人耿直，待人和蔼。", []),
      ("今天下午，大家都到了。", []),
      // Common words the gazetteer also lists as someone's name (curated/not-names.tsv).
      ("迎接世界高速铁路新高潮，是摆在我们面前", []),
      ("这座王国的高度令人惊叹。", []),
      ("王毅然决定离开。", []),
      ("和蔼的耿直青年今天下午到了。", []),
      ("这3张卫星图片", []),
      // A word shaped like a name and a localizer: the word's place, not a name.
      ("他在文章中说，自己将离开香港。", []),
      ("他在文章中指出，这是错误的。", []),
      ("他在山顶的房子裡接受隔离。", []),
      // The same word and 地 is an adverb (严肃|地说), no name.
      ("他严肃地说，这是错误的。", []),
      ("“走吧，我在前面给你们照路……”安锁子殷勤地说。", []),
      // A common word is no name, nor is a name one cuts (common-words.tsv): 偷|梁换柱,
      // 高新|技术 (the gazetteer's 高新), 供应商|向华为, 风华正茂, 柳叶刀.
      ("得当即入锅，“偷梁换柱”便不成了。", []),
      ("家不可能在所有的高新技术领域全面领先", []),
      ("意图阻止全球芯片供应商向华为供货", []),
      ("恰同学少年，风华正茂。", []),
      ("英国医学期刊《柳叶刀》称", []),
      ("据英国医学期刊柳叶刀发表的研究", []),
      ("还有一次，李先生在办公桌旁", ["李"]),
      // A transliterated name ends where the model says a name ends, not where the run does;
      // 布丰 (Buffon, Italy's goalkeeper) is a person too.
      ("连保加利亚的贝尔巴托夫都说，意大利没有布丰。", ["贝尔巴托夫", "布丰"]),
      ("挪威石油与能源大臣玛丽特·恩斯塔德日前在挪威议会宣布", ["玛丽特·恩斯塔德"]),
      // Proper nouns of the dictionary that name places, alone or at the start of a candidate.
      ("恶化的责任归罪于南斯拉夫政府", []),
      ("沈阳小雨16℃／24℃", []),
      // A bare surname before a title; people named by what they are to someone.
      ("关于中非合作，唐外长说，他亲眼看", ["唐"]),
      // A name the article also writes without its last character, when that character
      // starts the next word (则, 曾): the shorter name.
      ("纽约城市大学政治学教授夏明说，台湾很危险。夏明则认为，可能发生武装冲突。", ["夏明", "夏明"]),
      ("美国驻华大使布兰斯塔德表示，他将离任。刘亚伟说，布兰斯塔德曾坚决反对白宫一些政客。", ["布兰斯塔德", "刘亚伟", "布兰斯塔德"]),
      // Not where the surname ends a word with the character before (时任 副总统).
      ("时任副总统拜登不得不出面。", ["拜登"]),
      ("生才50天的女儿潘研，从老家来", ["潘研"]),
      // A two-character name right before a cue (a bug once took 表 for its given name).
      ("股份行信用卡总裁吴明表示，", ["吴明"]),
      // 素林 (Surin Pitsuwan) before a title, as People's Daily tags it; not a name cut at 家.
      ("素林外长昨天在外交部", ["素林"]),
      ("亨德利和傅家峻也各赢一场", ["亨德利", "傅家峻"]),
      // Names in Latin letters with a title before or a cue after; none without.
      ("战争遗产》的制片人Steven说", ["Steven"]),
      ("国务院发言人Morgan Ortagus表示，", ["Morgan Ortagus"]),
      ("Morgan Ortagus表示，", ["Morgan Ortagus"]),
      ("Politifact说，BBC表示，TikTok表示", []),
      ("Berg今天到了。", []),
      // One word before a form of address that is also a cue (先生, 女士, 教授): a person.
      ("大众软件：你好，Berg先生。", ["Berg"]),
      // A gazetteer name before 基金会 names a thing; no discovered name cuts it (李嘉|诚).
      ("此外，李嘉诚基金会另捐款1000万元。", ["李嘉诚"]),
      ("Nike杯比赛开始。", []),
      // One or two words between a Latin name and its cue (words_before_cue).
      ("负责人Max Gokhman周一表示，股市有望反弹", ["Max Gokhman"]),
      ("Morgan Ortagus周三则表示，", ["Morgan Ortagus"]),
      ("Max Gokhman周一抵达", []),
      // A place name before a dot is a given name, also where it only starts the word (安吉).
      ("BBC外交事务记者多米尼克·卡西亚尼（Dominic Casciani）说", ["多米尼克·卡西亚尼", "Dominic Casciani"]),
      ("大学的皮肤学教授安吉拉·克里斯亚蒂诺等人", ["安吉拉·克里斯亚蒂诺"]),
      // A dash joins a foreign name's words as a dot does; two dashes are a pause.
      ("美国参议员约翰—格伦在将被带上太空的", ["约翰—格伦"]),
      ("缺少索尔-坎贝尔在后防压阵", ["索尔-坎贝尔"]),
      ("美国参议员约翰——这位老人", []),
      // A Latin form in parentheses, word for word, marks a whole foreign name, even one
      // ending in a one-character word; not a longer span round a gazetteer name that has it.
      ("人权活动人士德鲁·帕夫洛(Drew Pavlou)说", ["德鲁·帕夫洛", "Drew Pavlou"]),
      ("执行总监杰弗里•扬(Jeffrey Young)说", ["杰弗里•扬", "Jeffrey Young"]),
      ("辞职的官员名叫理查德·皮尔格（Richard Pilger），", ["理查德·皮尔格", "Richard Pilger"]),
      ("民主党总统候选人乔·拜登（Joe Biden）说", ["乔·拜登", "Joe Biden"]),
      // After 在 a foreign word is a place's (恶化的责任在南斯拉夫), unless a dot makes it a name.
      ("《坚强的心》的主角在哈莉·贝丽等一干劲敌中", ["哈莉·贝丽"]),
      // A bare surname before 杯: the cup named after them (People's Daily tags 汤 of 汤杯).
      ("中国男队再次被挤出汤杯决赛圈", ["汤"]),
      // Teams playing each other and titles of works are no people.
      ("波兹南、拉科vs费耶诺德、加拉塔萨雷vs梅塔利斯特", []),
      ("系出同门的《萨维奇一家》当然物有所值", []),
      // A function character after a name starts the next word (curated/name-edges.tsv).
      ("外交部长王毅早前表示，双方会谈。", ["王毅"]),
      ("他向王毅介绍了情况。", ["王毅"]),
      // A gazetteer name the text also writes alone is not grown by a name character (正).
      ("王毅表示，双方同意。外交部长王毅正访问欧洲。", ["王毅", "王毅"]),
      // A transliteration a sport word touches names a club (sport_words); Chinese players stay.
      ("热刺主场对阵埃弗顿，", []),
      // A gazetteer person's name before a place or a thing word (not_person_after) is theirs,
      // but not where the word only starts ICU's next one (镇压, 路线).
      ("人又称这座岛叫“洛克岛”。", []),
      ("孔子学院在美国关闭", []),
      ("邓小平路线和习近平路线", ["邓小平", "习近平"]),
      // A Latin name after a title (幕僚长), its cue after 公开 (words_before_cue).
      ("彭斯的幕僚长Marc Short公开声称，他将履行职责。", ["彭斯", "Marc Short"]),
      ("白宫幕僚长Mark Meadows说", ["Mark Meadows"]),
      // Before （化名）: two characters whatever they are, three after a surname; a form of
      // address before it leaves the surname alone the name.
      ("在武汉学习生活过四年的子场（化名）更加尖锐。", ["子场"]),
      ("沪上某银行员工成钢（化名）被辞退。", ["成钢"]),
      ("居民王小明(化名)说，他很害怕。", ["王小明"]),
      ("武汉居民常先生（化名）表示。", ["常"]),
    ])
  func discovery(text: String, expected: [String]) throws {
    #expect(try people(text) == expected)
  }

  @Test("a discovered person has a stable id, a confidence, and one spelling for every dot")
  func record() throws {
    let first = try document("主席列昂尼德•斯卢茨基（Leonid Slutsky）说")
    let second = try document("主席列昂尼德·斯卢茨基说")
    let person = try #require(first.entities.first { $0.kind == .person })
    #expect(person.name == "列昂尼德·斯卢茨基")
    #expect(person.id == GazetteerFile.people.derivedID(name: "列昂尼德·斯卢茨基"))
    #expect(person.properties["name_en"] == .string("Leonid Slutsky"))
    #expect(person.aliases.contains("Leonid Slutsky"))
    guard case .double(let confidence) = person.properties["confidence"] else {
      Issue.record("no confidence")
      return
    }
    #expect((0...1).contains(confidence))
    #expect(second.entities.first { $0.kind == .person }?.id == person.id)
  }

  @Test("a discovered name is one person in either script, and keeps the script it is written in")
  func scriptVariantsAreOnePerson() throws {
    let traditional = try document("行政院政務委員羅秉成表示，台灣很好。")
    let simplified = try document("行政院政务委员罗秉成表示，台湾很好。")
    let first = try #require(traditional.entities.first { $0.kind == .person })
    let second = try #require(simplified.entities.first { $0.kind == .person })
    #expect(first.name == "羅秉成")
    #expect(second.name == "罗秉成")
    #expect(first.id == second.id)
    #expect(first.id == GazetteerFile.people.derivedID(name: "罗秉成"))
    // Within one article both spellings are one person, the second an alias.
    let both = try document("羅秉成表示，台灣很好。罗秉成说，台湾模式成为对象。")
    let people = both.entities.filter { $0.kind == .person }
    #expect(people.map(\.name) == ["羅秉成"])
    #expect(people.first?.aliases == ["罗秉成"])
    #expect(both.mentions.filter { both.entities[$0.entity].kind == .person }.count == 2)
  }

  @Test("a surname alone is named with its form of address, and is nobody outside its article")
  func bareSurname() throws {
    let first = try tagger.document(for: "香港一所大学的周老师说，他已经辞职。", number: 1)
    let second = try tagger.document(for: "香港一所大学的周老师说，他已经辞职。", number: 2)
    let person = try #require(first.entities.first { $0.kind == .person })
    #expect(person.name == "周老师")
    #expect(person.aliases == ["周"])
    let mentions = first.mentions.filter { first.entities[$0.entity].kind == .person }
    #expect(mentions.map { first.text[$0.range] } == ["周"])
    let other = try #require(second.entities.first { $0.kind == .person })
    #expect(other.name == person.name)
    #expect(other.id != person.id)
  }

  @Test("a name followed by a gazetteer person's English name is that person, wherever written")
  func englishNameLinksGazetteerPerson() throws {
    let mentions = try mentions(of: "佩洛希", in: "美国众议院议长佩洛希（Nancy Pelosi）表示，她很高兴。佩洛希暗示她不接受。")
    #expect(mentions.count == 2)
    for (_, person) in mentions {
      #expect(person.id == "wd:Q170581")
      #expect(person.name == "南希·佩洛西")
      #expect(person.aliases.contains("佩洛希"))
      #expect(person.properties["discovered"] == nil)
    }
  }

  @Test("English names: case, dots and hyphens folded; one-word and shared names left out")
  func peopleByEnglishName() {
    func person(_ id: String, _ name: String, _ english: String, aliases: [String] = [])
      -> PersonEntry
    {
      PersonEntry(
        id: id, name: name, nameEnglish: english, aliases: aliases, shortForms: [], country: "",
        born: "", died: "", prominence: 0, roles: [], sources: [])
    }
    let table = PeopleByEnglishName(people: [
      person("Q1", "约翰·肯尼迪", "John F. Kennedy", aliases: ["JFK", "肯尼迪"]),
      person("Q2", "约翰·史密斯", "John Smith"), person("Q3", "约翰·史密斯", "John Smith"),
      person("Q4", "让-皮埃尔", "Jean-Pierre Raffarin"), person("Q5", "佩洛西", "Pelosi"),
      person("Q6", "哈里·杜鲁门", "Harry Truman"),
    ])
    #expect(table.person(named: "john f kennedy")?.id == "wd:Q1")
    #expect(table.person(named: "Jean Pierre  Raffarin")?.id == "wd:Q4")
    #expect(table.person(named: "John Smith") == nil)
    #expect(table.person(named: "Pelosi") == nil)
    #expect(table.person(named: "JFK") == nil)
    // Initials left out: John Kennedy is John F. Kennedy.
    #expect(table.person(named: "John Kennedy")?.id == "wd:Q1")
    #expect(table.person(named: "Harry S. Truman")?.id == "wd:Q6")
    #expect(PeopleByEnglishName.withoutInitials("harry s truman") == "harry truman")
    #expect(PeopleByEnglishName.withoutInitials("j k rowling") == "rowling")
    #expect(PeopleByEnglishName.withoutInitials("harry truman") == nil)
    #expect(PeopleByEnglishName.withoutInitials("x") == nil)
  }

  @Test("English names: nicknames and generational suffixes")
  func peopleByEnglishNameNicknames() {
    let biden = PersonEntry(
      id: "Q6279", name: "乔·拜登", nameEnglish: "Joe Biden", aliases: [], shortForms: [],
      country: "US", born: "", died: "", prominence: 0, roles: [], sources: [])
    let nicknames = ["joe": "joseph", "bill": "william"]
    let table = PeopleByEnglishName(people: [biden], nicknames: nicknames)
    #expect(table.person(named: "Joseph R. Biden Jr.")?.id == "wd:Q6279")
    #expect(table.person(named: "Joseph Biden")?.id == "wd:Q6279")
    #expect(table.person(named: "Hunter Biden") == nil)
    #expect(PeopleByEnglishName.plain("joseph r biden jr", nicknames: nicknames) == "joseph biden")
    #expect(PeopleByEnglishName.plain("bill clinton", nicknames: nicknames) == "william clinton")
    // A suffix is no word to drop when only a name and it are left.
    #expect(PeopleByEnglishName.plain("biden jr", nicknames: nicknames) == nil)
    #expect(PeopleByEnglishName.plain("joseph biden", nicknames: nicknames) == nil)
  }

  @Test("a name with a middle initial is found whole, and the gazetteer's person without it")
  func middleInitials() throws {
    #expect(
      try people("乔治·华盛顿大学副教授肖恩·R·罗伯茨(Sean R. Roberts)说，这是一场运动。").first
        == "肖恩·R·罗伯茨")
    let trump = try mentions(of: "唐纳德·J·特朗普", in: "他不要太像唐纳德·J·特朗普。")
    #expect(trump.map(\.1.id) == ["wd:Q22686"])
    #expect(PersonFinder.withoutInitials("唐纳德·J·特朗普") == "唐纳德·特朗普")
    #expect(PersonFinder.withoutInitials("约翰·F·肯尼迪") == "约翰·肯尼迪")
    #expect(PersonFinder.withoutInitials("唐纳德·特朗普") == nil)
  }

  @Test("a short form glued to a transliteration before it keeps no longer name from being one")
  func shortFormInsideTransliteration() throws {
    // 里根 alone is Reagan; 穆|里根 is the article's 凯西·穆里根 all the same.
    let text = "凯西·穆里根是芝加哥大学的经济学教授。看看里根时期。穆里根认为，这很重要。"
    let found = try mentions(of: "穆里根", in: text)
    #expect(found.count == 1)
    #expect(found.first?.1.name == "凯西·穆里根")
    #expect(try mentions(of: "里根", in: text).first?.1.id == "wd:Q9960")
  }

  @Test("a short form followed by another person's English name is not the gazetteer person")
  func contradictedShortForm() throws {
    // 切尼 is the gazetteer's 迪克·切尼 (Dick Cheney) alone; Liz Cheney is someone else, in
    // each of the article's 切尼.
    let text = "共和党领导团队成员切尼（Liz Cheney）在弹劾案中投下同意票。切尼说，这是正确的。"
    let found = try mentions(of: "切尼", in: text)
    #expect(found.count == 2)
    for (_, person) in found {
      #expect(person.id != "wd:Q48259")
      #expect(person.properties["name_en"] == .string("Liz Cheney"))
      #expect(person.properties["discovered"] == .string(PersonFinder.contradictedEvidence))
    }
    // His own name after it, or a form of his given name, confirms him.
    for text in ["前副总统切尼（Dick Cheney）说，这是正确的。", "前副总统切尼（Dickie Cheney）说。"] {
      let (_, person) = try #require(try mentions(of: "切尼", in: text).first)
      #expect(person.id == "wd:Q48259", "\(text)")
    }
    #expect(PersonFinder.contradicts("Liz Cheney", "Dick Cheney"))
    #expect(!PersonFinder.contradicts("Tony Blinken", "Antony Blinken"))
    #expect(!PersonFinder.contradicts("Joe Biden", "Joseph Biden"))
    // Another surname spelt alike, or no word alike at all, names someone else too.
    #expect(PersonFinder.contradicts("Ron Klain", "Naomi Klein"))
    #expect(PersonFinder.contradicts("Chris Wallace", "Bess Truman"))
    #expect(PersonFinder.contradicts("Donald Trump Jr", "Eric Trump"))
    #expect(PersonFinder.contradicts("Liz Truss", "Dick Cheney"))
    // Spellings, order and hyphens of one name agree.
    #expect(!PersonFinder.contradicts("Michail Gorbatschow", "Mikhail Gorbachev"))
    #expect(!PersonFinder.contradicts("Alexandre Loukachenko", "Alexander Lukashenko"))
    #expect(!PersonFinder.contradicts("Aso Taro", "Taro Aso"))
    #expect(!PersonFinder.contradicts("Kim Yo-jong", "Kim Yo Jong"))
    #expect(!PersonFinder.contradicts("Malala Yousafzay", "Malala Yousafzai"))
  }

  @Test("a short form followed by a Latin name with no word of the person's is someone else")
  func shortFormOfAnotherName() throws {
    let text = "这场辩论由华莱士（Chris Wallace）主持。华莱士说，你打断他更多。"
    let found = try mentions(of: "华莱士", in: text)
    #expect(found.count == 2)
    for (_, person) in found {
      #expect(person.properties["name_en"] == .string("Chris Wallace"))
    }
    // Glued to a transliteration before it, the short form is part of the name the Latin form
    // is of: no person 里根 named Casey Mulligan.
    let glued = try document("首席经济学家凯西·穆里根 (Casey Mulligan) 说。里根时期的政策有效。")
    #expect(
      !glued.entities.contains {
        $0.properties["name_en"] == .string("Casey Mulligan") && $0.name == "里根"
      })
  }

  @Test("a name that sounds as a prominent foreign person's and is spelt otherwise is that person")
  func soundLinksGazetteerPerson() throws {
    for (text, written, id) in [
      ("彭佩奥表示，美国将继续施压。", "彭佩奥", "wd:Q473239"),
      ("议长佩罗西表示，她很高兴。", "佩罗西", "wd:Q170581"),
    ] {
      let (mention, person) = try #require(try mentions(of: written, in: text).first)
      #expect(person.id == id, "\(text)")
      #expect(person.aliases.contains(written))
      #expect(mention.evidence == PersonFinder.soundEvidence)
    }
  }

  @Test("sounds: every reading, dots left out, three characters at least, shared ones ambiguous")
  func peopleBySound() {
    func person(_ id: String, _ name: String, shortForms: [String] = []) -> PersonEntry {
      PersonEntry(
        id: id, name: name, nameEnglish: "", aliases: [], shortForms: shortForms, country: "US",
        born: "", died: "", prominence: 1, roles: [], sources: [])
    }
    let readings: [UInt16: [String]] = Dictionary(
      uniqueKeysWithValues: [
        ("佩", ["pei"]), ("洛", ["luo"]), ("罗", ["luo"]), ("西", ["xi"]), ("希", ["xi"]),
        ("南", ["nan"]), ("长", ["chang", "zhang"]), ("张", ["zhang"]), ("三", ["san"]),
        ("丰", ["feng"]), ("风", ["feng"]), ("王", ["wang"]), ("明", ["ming"]), ("铭", ["ming"]),
      ].map { (Array($0.0.utf16)[0], $0.1) })
    let table = PeopleBySound(
      people: [
        person("Q1", "南希·佩洛西", shortForms: ["佩洛西"]), person("Q2", "张三丰"),
        person("Q3", "王明"), person("Q4", "王铭三"), person("Q5", "王明三"),
      ], readings: readings)
    #expect(table.match(soundingAs: "佩罗希")?.person.id == "Q1")
    #expect(table.match(soundingAs: "佩罗希")?.forms == ["佩洛西"])
    #expect(table.match(soundingAs: "南希佩洛西")?.forms == ["南希·佩洛西"])
    #expect(table.match(soundingAs: "长三风")?.person.id == "Q2")
    #expect(table.match(soundingAs: "王铭") == nil)
    #expect(table.match(soundingAs: "王明三") == nil)
    #expect(table.match(soundingAs: "佩洛") == nil)
  }

  @Test("a discovered name that is an organisation's is that organisation, not a person")
  func organizationNameIsTheOrganization() throws {
    // 卢浮宫 (Q1075988) is of the catch-all kind `other`, which the entity matcher skips.
    let mentions = try mentions(of: "卢浮宫", in: "卢浮宫将重新开放。卢浮宫表示，它很满意。")
    #expect(mentions.count == 2)
    for (mention, entity) in mentions {
      #expect(entity.id == "wd:Q1075988")
      #expect(entity.kind == .organization)
      #expect(mention.evidence == "organization-name")
    }
    #expect(try people("卢浮宫拒绝置评。").isEmpty)
  }

  @Test("organisation names: three characters or more, none a person's, shared ones ambiguous")
  func organizationNames() {
    func organization(_ id: String, _ name: String, aliases: [String] = []) -> OrganizationEntry {
      OrganizationEntry(
        id: id, name: name, nameEnglish: "", kind: .other, aliases: aliases, country: "",
        sources: [])
    }
    let names = OrganizationNames(
      organizations: [
        organization("Q1", "沃尔玛", aliases: ["沃爾瑪", "沃沃"]), organization("Q2", "奥斯曼"),
        organization("Q3", "联合会"), organization("Q4", "联合会"),
      ],
      people: [
        PersonEntry(
          id: "Q9", name: "奥斯曼", nameEnglish: "Osman", aliases: [], shortForms: [],
          country: "", born: "", died: "", prominence: 0, roles: [], sources: [])
      ])
    guard case .organization(let walmart) = names.lookup("沃爾瑪") else {
      Issue.record("沃爾瑪 is no organisation")
      return
    }
    #expect(walmart.id == "wd:Q1")
    #expect(names.lookup("沃沃") == .absent)
    #expect(names.lookup("奥斯曼") == .absent)
    #expect(names.lookup("联合会") == .ambiguous)
  }

  @Test("a name joined by a dash is spelt with the dot, and written with the dash as an alias")
  func dashedName() throws {
    let document = try document("美国参议员约翰—格伦说")
    let person = try #require(document.entities.first { $0.kind == .person })
    #expect(person.name == "约翰·格伦")
    #expect(person.aliases == ["约翰—格伦"])
  }
}

@Suite("Name coreference (name.coref.v1)")
struct NameCoreferenceTests {
  @Test(
    "a later short form is the full name the article gave",
    arguments: [
      ("美国众议院议长南希·佩洛西访问台湾。佩洛西说，她不后悔。", "佩洛西", "南希·佩洛西"),
      ("记者江俊平报道。俊平说，他很高兴。", "俊平", "江俊平"),
      ("林郑月娥表示支持。林郑说，这是好事。", "林郑", "林郑月娥"),
      ("据克里对韩正说，“我们能够协调一致，”他告诉韩。", "韩", "韩正"),
      ("总统蔡英文今天前往澎湖。蔡总统表示，她很高兴。", "蔡", "蔡英文"),
      // A kinship form of address names the person as 先生 does.
      ("香港抗争者王凤瑶，人称王婆婆，再次上街。王婆婆表示，她不会放弃。", "王", "王凤瑶"),
    ])
  func shortForms(text: String, short: String, full: String) throws {
    let document = try document(text)
    let mention = try #require(document.mentions.last { document.text[$0.range] == short })
    #expect(document.entities[mention.entity].name == full)
  }

  @Test("a name found by its context is a mention where the context is missing, and whole")
  func discoveredNameRepeated() throws {
    let document = try document("政策顾问纳瓦罗（Peter Navarro）曾表示反对。纳瓦罗在接受采访时表示")
    let surfaces = document.mentions.map { document.text[$0.range] }
    #expect(surfaces.filter { $0 == "纳瓦罗" }.count == 2)
    #expect(!surfaces.contains("瓦罗"))
  }

  @Test("a name discovered alone that is the short form of a full name is that person")
  func discoveredShortForm() throws {
    let document = try document("政策中心的教授马特·佩罗特说，这不公平。佩罗特表示，他反对。")
    let mention = try #require(document.mentions.last { document.text[$0.range] == "佩罗特" })
    #expect(document.entities[mention.entity].name == "马特·佩罗特")
  }

  @Test("the last word of a name in Latin letters is that person: Gokhman说 after Max Gokhman")
  func latinShortForm() throws {
    let document = try document("资产配置负责人Max Gokhman表示，股市有望反弹。Gokhman说，风险仍在。Gokhmans说，Gok说")
    let mentions = document.mentions.filter { document.entities[$0.entity].kind == .person }
    #expect(mentions.map { document.text[$0.range] } == ["Max Gokhman", "Gokhman"])
    #expect(Set(mentions.map(\.entity)).count == 1)
    #expect(mentions.last?.form == .shortForm)
  }

  @Test("a surname two full names of the article share stays its own person: 王先生")
  func sharedSurname() throws {
    let document = try document("王毅会见了王晨。王先生说，会谈很成功。")
    let mention = try #require(document.mentions.last { document.text[$0.range] == "王" })
    #expect(document.entities[mention.entity].name == "王先生")
  }

  @Test("a short form takes over a gazetteer name it crosses: 林郑和建制派 is 林郑, not 郑和")
  func shortFormCrossingGazetteerName() throws {
    let named = try document("林郑月娥表示支持。林郑和建制派均表示感谢。")
    let people = named.mentions.filter { named.entities[$0.entity].kind == .person }
    #expect(people.map { named.text[$0.range] } == ["林郑月娥", "林郑"])
    #expect(!named.entities.contains { $0.name == "郑和" })
    // With no full name in the article, the admiral stays.
    let alone = try document("林郑和建制派均表示感谢。")
    #expect(alone.entities.contains { $0.name == "郑和" })
  }

  @Test("a short form written twice before the article names someone in full stays the gazetteer's")
  func shortFormBeforeFullName() throws {
    func owners(_ text: String) throws -> [String] {
      let document = try document(text)
      return document.mentions.filter { document.text[$0.range] == "特朗普" }.map {
        document.entities[$0.entity].name
      }
    }
    let family = try owners("总统特朗普说，这很好。特朗普表示，选举很重要。伊万卡·特朗普在集团任职。特朗普称，这是假新闻。")
    #expect(family == Array(repeating: "唐纳德·特朗普", count: 3))
    // Named first, the person named in full takes the short form (a headline may go before).
    let named = try owners("特朗普家族。伊万卡·特朗普在集团任职。特朗普称，这是假新闻。")
    #expect(named == ["伊万卡·特朗普", "伊万卡·特朗普"])
  }

  @Test("a dot-less gazetteer name after a given name and a dot is the article's person: 诺阿·巴金")
  func gazetteerNameAsLastPartOfDottedName() throws {
    // 巴金 alone is the writer; the article's 诺阿·巴金 (Noah Barkin) is someone else, and so is
    // each of its later 巴金.
    let text = "柏林的中国问题专家诺阿·巴金(Noah Barkin)专门提到协定。“那就错了，”巴金说。"
    let document = try document(text)
    let people = document.mentions.filter { document.entities[$0.entity].kind == .person }
    #expect(people.map { document.text[$0.range] } == ["诺阿·巴金", "Noah Barkin", "巴金"])
    #expect(Set(people.map { document.entities[$0.entity].name }) == ["诺阿·巴金"])
    #expect(people.last?.form == .shortForm)
    #expect(try mentions(of: "巴金", in: "巴金是作家。").first?.1.id == "wd:Q13005")
  }

  @Test("a place's name next to a middle dot is part of a person's: 查德·沃尔夫, not Chad")
  func placeNameInsideDottedName() throws {
    let document = try document("代理部长查德·沃尔夫表示，美国正在阻止。总统西里尔·拉马福萨说，很好。")
    let names = document.mentions.map { document.text[$0.range] }
    #expect(names.contains("查德·沃尔夫") && names.contains("西里尔·拉马福萨"))
    #expect(!names.contains("查德"))
    #expect(try mentions(of: "查德", in: "他访问了查德和尼日尔。").first?.1.kind == .place)
  }

  @Test("a discovered name repeated takes over a gazetteer short form inside it: 保罗-沙龙")
  func discoveredNameOverShortForm() throws {
    let document = try document("报告主任保罗-沙龙（Paul Charon）说，这很难。据保罗-沙龙介绍，这些人很多。")
    let people = document.mentions.filter { document.entities[$0.entity].kind == .person }
    #expect(people.map { document.text[$0.range] } == ["保罗-沙龙", "Paul Charon", "保罗-沙龙"])
    #expect(Set(people.map(\.entity)).count == 1)
  }

  @Test("a name always written around a gazetteer name is the article's person: 王林发, not 王林")
  func alwaysGrownName() throws {
    let text = "所长王林发对记者表示，很好。王林发认为，很好。王林发说，很好。王林发解释目前的工作不可能再采样。"
    #expect(try people(text) == ["王林发", "王林发", "王林发", "王林发"])
    // Written alone once, 王林 is the gazetteer's person there and the grown forms are not names.
    #expect(try people("王林发对记者表示，很好。王林发认为，很好。王林说，很好。").contains("王林"))
  }

  @Test("a name the article chooses more often replaces a part of it chosen once: 伊力哈木")
  func repeatedNameOverItsPart() throws {
    let text =
      "维族学者伊力哈木就判决提出上诉。李方平发表了伊力哈木的感言。伊力哈木表示：“看到判决书的内容，我认为自己应该肩负更大的责任。”"
      + "如果伊力哈木能提前获得释放，那很好。伊力哈木在感言中仍对未来抱有希望。"
    let found = try people(text).filter { $0 != "李方平" }
    #expect(found == Array(repeating: "伊力哈木", count: 5))
  }

  @Test("the Latin form in parentheses after a name is that person, once it has its person")
  func latinFormMention() throws {
    let glossed = try document("主席列昂尼德•斯卢茨基（ Leonid Slutsky ）说，这是好事。美国之音（VOA）报道。")
    let mentions = glossed.mentions.filter { glossed.text[$0.range] == "Leonid Slutsky" }
    let mention = try #require(mentions.first)
    #expect(mentions.count == 1 && mention.form == .alias)
    #expect(glossed.entities[mention.entity].name == "列昂尼德·斯卢茨基")
    #expect(!glossed.mentions.contains { glossed.text[$0.range] == "VOA" })
    // A short form the Latin form relinked (to Jim McGovern) is a mention of its own, counted.
    let relinked = try document("马萨诸塞州的民主党人麦戈文 (Jim McGovern)说，人们因此受伤。")
    let glosses = relinked.mentions.filter { $0.evidence == NameCoreference.latinFormEvidence }
    #expect(glosses.map { relinked.text[$0.range] } == ["Jim McGovern"])
    #expect(relinked.mentions.contains { relinked.text[$0.range] == "麦戈文" })
  }

  @Test("a surname inside a word is no mention: 韩国 after 韩正")
  func surnameInWord() throws {
    let document = try document("韩正会见了客人。韩国代表团也到了。")
    #expect(!document.mentions.contains { document.text[$0.range] == "韩" })
  }
}

@Suite("Roles (role.link.v1)")
struct RoleTests {
  @Test(
    "titles before and after a name, qualifiers split off",
    arguments: [
      ("美国气候特使克里今天会见中国国家副主席韩正。", "克里", "美国气候特使", "气候特使"),
      ("美国气候特使克里今天会见中国国家副主席韩正。", "韩正", "中国国家副主席", "国家副主席"),
      ("克里此前与中国最高外交官王毅会晤。", "王毅", "中国最高外交官", "外交官"),
      ("外交部发言人汪文斌表示", "汪文斌", "外交部发言人", "发言人"),
      ("美国众议院议长南希·佩洛西访问台湾。", "南希·佩洛西", "美国众议院议长", "议长"),
      ("韩正，中国国家副主席，会见了克里。", "韩正", "中国国家副主席", "国家副主席"),
      ("王毅（中国外交部长）表示", "王毅", "中国外交部长", "外交部长"),
      // Ministers by their ministry (curated/roles.tsv): not 司法部 the organisation.
      ("美国卫生部长阿扎尔访问台湾。", "阿扎尔", "美国卫生部长", "卫生部长"),
      ("美国司法部长巴尔表示，没有发现舞弊。", "巴尔", "美国司法部长", "司法部长"),
      ("英国外交大臣拉布表示", "拉布", "英国外交大臣", "外交大臣"),
    ])
  func roles(text: String, person: String, title: String, role: String) throws {
    let document = try document(text)
    let found = document.roles.filter {
      document.text[document.mentions[$0.mention].range] == person
    }
    #expect(found.map { document.text[$0.title] } == [title])
    #expect(found.map { document.text[$0.role] } == [role])
  }

  @Test(
    "前 and 原 as qualifiers mark a former holder; inside a name they do not",
    arguments: [
      ("前美国国务卿蓬佩奥表示", true), ("中国外交部前发言人陆慷表示", true),
      ("美国国务卿蓬佩奥表示", false), ("原子能机构总干事格罗西表示", false),
    ])
  func former(text: String, isFormer: Bool) throws {
    let document = try document(text)
    #expect(document.roles.count == 1)
    #expect(document.roles.map { $0.isFormer(in: document) } == [isFormer])
  }
}

@Suite("Meetings (meeting.find.v1)")
struct MeetingTests {
  @Test(
    "who met whom",
    arguments: [
      ("美国气候特使克里今天会见中国国家副主席韩正。", [["克里", "韩正"]]),
      (
        "克里此前与中国最高外交官王毅、国务院总理李强以及中国气候特使解振华举行了会晤。",
        [["克里", "王毅"], ["克里", "李强"], ["克里", "解振华"]]
      ),
      ("克里今天是在中国北京人民大会堂与韩正会面并举行会谈。", [["克里", "韩正"]]),
      ("韩正同克里通电话。", [["韩正", "克里"]]),
      ("王毅上周与特朗普通电话。", [["王毅", "特朗普"]]),
      // A title the gazetteer lacked (卫生部长) no longer hides the subject of 并会晤.
      ("美国卫生部长阿扎尔8月初到访台湾，并会晤总统蔡英文。", [["阿扎尔", "蔡英文"]]),
      ("克里称，今次气候会谈气氛积极。", []),
      ("克里说，他与中国官员的会谈富有建设性。", []),
      ("克里和韩正都表示乐观。", []),
      // Each sentence on its own: one person a sentence meets nobody.
      ("克里抵达北京。随后会见了韩正。", []),
      ("克里抵达北京。韩正会见克里。", [["韩正", "克里"]]),
      ("克里抵达北京，韩正随后会见了王毅。", [["韩正", "王毅"]]),
      // A clause without its own subject takes the person an earlier clause starts with.
      ("克里抵达北京，并会见了王毅。", [["克里", "王毅"]]),
      ("2023年7月，克里访问北京时，虽见到了韩正，也与王毅会谈。", [["克里", "王毅"]]),
      // A clause opening with a connector lists guests only, not a subject and a guest.
      ("克里访问北京，先后与王毅和韩正会面。", [["克里", "王毅"], ["克里", "韩正"]]),
      ("這與克里會晤王毅後的氣氛不同。", [["克里", "王毅"]]),
      // Traditional characters: the stage's words are listed in both scripts.
      ("克里訪問北京，並與韓正會見。", [["克里", "韓正"]]),
      ("克里说，美国代表团将与王毅会晤。", []),
      ("克里表示，会见由王毅安排。", []),
      // A short quotation stays in its clause; 的 after a guest makes the guest someone else.
      ("克里“应约”与韩正会见。", [["克里", "韩正"]]),
      ("克里表示愿意与韩正的家人见面。", []),
      ("克里与韩正的会晤富有成果。", [["克里", "韩正"]]),
      // A pronoun opening a clause, or after a connector or a meeting word, is its person.
      ("克里抵达北京。他几乎每天都与韩正通话。", [["克里", "韩正"]]),
      ("克里抵达北京。韩正随后会见了他。", [["韩正", "克里"]]),
      ("克里在访问中表示，王毅与他举行会谈时态度积极。", [["王毅", "克里"]]),
      ("克里抵达北京。他的助手与韩正见面。", []),
      ("克里抵达北京。其他官员与韩正见面。", []),
      // A pronoun subject does not carry over to the clauses after it.
      ("克里抵达北京。他批评了王毅，“在与韩正会谈时毫不让步”。", []),
      // A Latin form after a guest does not end the list.
      (
        "克里还将会见王毅（Wang Yi）和韩正（Han Zheng）。",
        [["克里", "王毅"], ["克里", "韩正"]]
      ),
    ])
  func meetings(text: String, expected: [[String]]) throws {
    let document = try document(text)
    func surface(_ slot: Int) -> String {
      document.mentions.first { $0.entity == slot }.map { document.text[$0.range] } ?? ""
    }
    #expect(document.meetings.map { [surface($0.first), surface($0.second)] } == expected)
  }
}

@Suite("quotegraph tag output")
struct TagOutputTests {
  @Test("one JSON object per line, Unicode-scalar offsets, end exclusive, sorted keys")
  func format() throws {
    let line = try tagger.tag("𠮷外交部发言人汪文斌表示")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["text"] as? String == "𠮷外交部发言人汪文斌表示")
    let entities = try #require(object["entities"] as? [[String: Any]])
    let person = try #require(entities.first { $0["type"] as? String == "Person" })
    #expect(person["start"] as? Int == 7)
    #expect(person["end"] as? Int == 10)
    #expect(person["name"] as? String == "汪文斌")
    #expect(entities.contains { $0["type"] as? String == "Role" && $0["end"] as? Int == 7 })
    #expect(!line.contains("\n"))
    #expect(line.hasPrefix(#"{"entities":[{"#))
  }

  @Test(
    "titles no person stands beside are roles too, when they are words and name no organisation",
    arguments: [
      ("记者近日对此事求证。", ["记者"]),
      ("南师大副校长表示欢迎。", ["副校长"]),
      ("财政经济委员会开会。", []),
      // An organisation's name: the suffix a word of its own after the title.
      ("美国会参议院拨款委员会近日通过决议。", []),
      ("在接受香港媒体代表团采访时", []),
      ("法驻穗总领事馆文化处", []),
      // 会 starting a word is no suffix.
      ("总统会见了他们。", ["总统"]),
    ])
  func standaloneTitles(text: String, expected: [String]) throws {
    #expect(try taggedRoles(text) == expected)
  }

  @Test(
    "a title is tagged without the places, organisations and praise before it; the graph keeps them",
    arguments: [
      ("北京大学法学院教授彭冰表示", "彭冰", "北京大学法学院教授", "教授"),
      ("韩国著名导演许秦豪共同出席。", "许秦豪", "韩国著名导演", "导演"),
      ("台新银行信用卡处资深副总经理邱丰凯认为", "邱丰凯", "资深副总经理", "副总经理"),
      ("美国气候特使克里今天会见中国国家副主席韩正。", "韩正", "中国国家副主席", "国家副主席"),
    ])
  func taggedTitle(text: String, person: String, title: String, tagged: String) throws {
    let document = try tagger.document(for: text)
    let written = document.roles.filter {
      document.text[document.mentions[$0.mention].range] == person
    }.map { document.text[$0.title] }
    #expect(written == [title])
    #expect(try taggedRoles(text).contains(tagged))
    #expect(try !taggedRoles(text).contains(title))
  }

  /// The text of the Role spans `tag` writes for `text`.
  func taggedRoles(_ text: String) throws -> [String] {
    let line = try tagger.tag(text)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let entities = try #require(object["entities"] as? [[String: Any]])
    let scalars = Array(text.unicodeScalars)
    return entities.filter { $0["type"] as? String == "Role" }.compactMap { role in
      (role["start"] as? Int).flatMap { start in
        (role["end"] as? Int).map { end in
          String(String.UnicodeScalarView(scalars[start..<end]))
        }
      }
    }
  }

  @Test("an empty line gives an empty entity list")
  func empty() throws {
    #expect(try tagger.tag("") == #"{"entities":[],"text":""}"#)
  }
}
