import Foundation
import Testing

@testable import QuotegraphKit

@Suite("Quote attribution")
struct QuoteAttributionTests {
  struct Found: Equatable, CustomStringConvertible {
    var speaker: String
    var cue: String
    var kind: String
    var text: String
    var description: String { "\(speaker) \(cue) \(kind): \(text)" }
  }

  func statements(_ body: String) throws -> [Found] {
    let document = try Fixture.process(Fixture.article(body: body))
    return document.statements.map { statement in
      Found(
        speaker: statement.speaker.map { document.entities[$0].name } ?? "?",
        cue: statement.cue, kind: statement.kind.rawValue, text: document.text[statement.content])
    }
  }

  @Test(
    "frames, one row each",
    arguments: [
      // X表示，…
      ("<p>王毅表示，中美应当加强合作。</p>", ["王毅 表示 indirect: 中美应当加强合作"]),
      // X说：“…”
      ("<p>克里说：“我们有能力做出改变。”</p>", ["约翰·克里 说 direct: 我们有能力做出改变"]),
      // “…，”X说。
      ("<p>“我们会继续努力，”王毅说。</p>", ["王毅 说 direct: 我们会继续努力"]),
      // X还说 (ICU glues 还说)
      ("<p>克里还说：“这是一个开始。”</p>", ["约翰·克里 说 direct: 这是一个开始"]),
      // 据X称
      ("<p>据克里称，“我们可以专注于实质内容。”</p>", ["约翰·克里 据…称 direct: 我们可以专注于实质内容"]),
      // X报道称 with an organisation speaking
      ("<p>路透社报道称，美国将与中国恢复对话。</p>", ["路透社 报道称 indirect: 美国将与中国恢复对话"]),
      // A foreign newspaper speaks (curated/organizations.tsv), not a name cut from it (费加罗).
      ("<p>费加罗报说，法国政府早已察觉。</p>", ["费加罗报 说 indirect: 法国政府早已察觉"]),
      // Firms speak (curated/organizations.tsv: the imported ones are of the kind `other`).
      ("<p>字节跳动表示，将与美国合作方推进商议。</p>", ["字节跳动 表示 indirect: 将与美国合作方推进商议"]),
      ("<p>华为称，该公司感到非常失望。</p>", ["华为 称 indirect: 该公司感到非常失望"]),
      // Mixed: partial quote inside reported speech is one statement.
      ("<p>克里称，气候变化是一个“普遍威胁”，应该分开处理。</p>", ["约翰·克里 称 mixed: 气候变化是一个“普遍威胁”，应该分开处理"]),
      // A chain: the second cue's clause has no subject.
      (
        "<p>克里承认两国关系困难，表示气候问题应被单独对待。</p>",
        ["约翰·克里 承认 indirect: 两国关系困难", "约翰·克里 表示 indirect: 气候问题应被单独对待"]
      ),
      // X告诉记者，… (记者 is an addressee, never a speaker)
      ("<p>克里告诉记者，会谈富有建设性。</p>", ["约翰·克里 告诉 indirect: 会谈富有建设性"]),
      // … and an organisation told (告诉路透社，) is no part of what was said.
      ("<p>王毅告诉路透社，合作会继续。</p>", ["王毅 告诉 indirect: 合作会继续"]),
      // A byline's credits are no one's words.
      ("<p>自由亚洲电台记者王毅华盛顿报道 责编：申铧 网编：洪伟</p>", [String]()),
      ("<p>王毅华盛顿报道，编辑部的工作很重要。</p>", ["王毅 报道 indirect: 编辑部的工作很重要"]),
      // After 的 a comma introduces words only after a verb that makes the noun speak or in a
      // clause opened by 据 or 根据.
      ("<p>王毅做了一些象征性的回应，合作会继续下去。</p>", [String]()),
      ("<p>王毅的声明说，合作会继续下去。</p>", ["王毅 声明说 indirect: 合作会继续下去"]),
      ("<p>根据路透社的报道，合作会继续下去。</p>", ["路透社 报道 indirect: 合作会继续下去"]),
      // 所 before a cue makes a noun, but for an as-clause or a 据 clause.
      ("<p>而王毅所称双方已经达成共识等言，不足以作为论据。</p>", [String]()),
      ("<p>然而就像王毅所指出，合作会继续下去。</p>", ["王毅 指出 indirect: 合作会继续下去"]),
      // 或者说, 就是说: discourse markers.
      ("<p>王毅表示，合作会继续。或者说，双方会继续合作。也就是说，双方会继续合作。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // Cues of arguing, joking and refuting (curated/cues.tsv).
      ("<p>王毅辩称，合作会继续。韩正驳斥有关双方不合的说法。</p>", ["王毅 辩称 indirect: 合作会继续", "韩正 驳斥 indirect: 有关双方不合的说法"]),
      // Negated cues are not statements.
      ("<p>路透社消息没有提及中国的立场。</p>", [String]()),
      // Scare quotes and book titles alone are not statements.
      ("<p>这被称为“外部因素”，见《人民日报》。</p>", [String]()),
      // Reported speech inside a statement is not a second statement.
      ("<p>路透社报道称，克里要求中国将气候与政治分开。</p>", ["路透社 报道称 indirect: 克里要求中国将气候与政治分开"]),
      // An unclosed quotation stays in its paragraph.
      (
        "<p>韩正表示，双方发出了“积极信号。</p><p>王毅说，合作会继续。</p>",
        ["韩正 表示 mixed: 双方发出了“积极信号", "王毅 说 indirect: 合作会继续"]
      ),
      // A quote left open at a paragraph's end goes on when the next paragraph opens with “.
      ("<p>王毅说：“第一段话。</p><p>“第二段话。”</p><p>他又补充了细节。</p>", ["王毅 说 direct: 第一段话。\n“第二段话"]),
      // A cue ending its paragraph in a colon introduces the quotation the next one opens with;
      // no colon, or no quotation there, introduces nothing.
      ("<p>王毅说：</p><p>“合作会继续。”</p>", ["王毅 说 direct: 合作会继续"]),
      ("<p>王毅说：</p><p>“合作会继续。”韩正表示。</p>", ["王毅 说 direct: 合作会继续"]),
      ("<p>王毅说：</p><p>“第一段话。</p><p>“第二段话。”</p>", ["王毅 说 direct: 第一段话。\n“第二段话"]),
      ("<p>王毅说</p><p>“合作会继续。”</p>", [String]()),
      ("<p>王毅说：</p><p>合作会继续。</p>", [String]()),
      // 他 after a bare title goes on with the organisation the title spoke for.
      (
        "<p>王毅会见了记者。外交部发言人表示，合作会继续。他还说，双方将加强沟通。</p>",
        ["中华人民共和国外交部 表示 indirect: 合作会继续", "中华人民共和国外交部 说 indirect: 双方将加强沟通"]
      ),
      // No cue starts inside a name: 赵立坚|称 is no 坚称.
      ("<p>外交部发言人赵立坚称，中方表示强烈不满。</p>", ["赵立坚 称 indirect: 中方表示强烈不满"]),
      (
        "<p>王毅表示，合作会继续。习近平道，双方的合作非常重要。</p>",
        ["王毅 表示 indirect: 合作会继续", "习近平 道 indirect: 双方的合作非常重要"]
      ),
      // A bare title goes to the person the article named with it; 副发言人 is no 发言人 (its
      // organisation speaks), and ICU's 发言|人称 is 发言人|称.
      (
        "<p>外交部发言人汪文斌表示，合作会继续。外交部副发言人称，这一点很重要。外交部发言人强调，要加强沟通。</p>",
        [
          "汪文斌 表示 indirect: 合作会继续", "中华人民共和国外交部 称 indirect: 这一点很重要",
          "汪文斌 强调 indirect: 要加强沟通",
        ]
      ),
      ("<p>联盟的副主席称，这一点很重要。</p>", ["? 称 indirect: 这一点很重要"]),
      // Right after an organisation's statement, a title standing alone is its spokesperson's,
      // not the holder named paragraphs before; sources (消息人士) speak for no organisation.
      (
        "<p>外交部发言人汪文斌表示，合作会继续。</p><p>香港政府发表声明，强烈反对美国的报告。发言人指出，美国的做法是错误的。消息人士透露，双方仍在沟通之中。</p>",
        [
          "汪文斌 表示 indirect: 合作会继续", "香港特别行政区政府 发表声明 indirect: 强烈反对美国的报告",
          "香港特别行政区政府 指出 indirect: 美国的做法是错误的", "? 透露 indirect: 双方仍在沟通之中",
        ]
      ),
      // A bare title goes on with the title written last since the holder was named.
      (
        "<p>外交部发言人汪文斌表示，合作会继续。港府发言人说，这一点很重要。发言人还说，要加强沟通。政府发言人说，这一点很重要。发言人还说，要加强沟通。</p>",
        [
          "汪文斌 表示 indirect: 合作会继续", "香港特别行政区政府 说 indirect: 这一点很重要",
          "香港特别行政区政府 说 indirect: 要加强沟通", "? 说 indirect: 这一点很重要", "? 说 indirect: 要加强沟通",
        ]
      ),
      // Not the holder named before: after another organisation (港府发言人), after 一位 or
      // 一名 (someone unnamed), or after another word (大使馆发言人); 该发言人 is the holder.
      (
        "<p>外交部发言人汪文斌表示，合作会继续。港府发言人表示，这一点很重要。一位发言人称，这一点很重要。大使馆发言人称，这一点很重要。该发言人强调，要加强沟通。</p>",
        [
          "汪文斌 表示 indirect: 合作会继续", "香港特别行政区政府 表示 indirect: 这一点很重要",
          "? 称 indirect: 这一点很重要", "? 称 indirect: 这一点很重要", "汪文斌 强调 indirect: 要加强沟通",
        ]
      ),
      // The title of the one spoken to names no speaker.
      ("<p>“合作会继续。”王毅对外交部发言人说。</p>", ["王毅 说 direct: 合作会继续"]),
      ("<p>“合作会继续。”王毅对副秘书长说。</p>", ["王毅 说 direct: 合作会继续"]),
      // 她 is no man the gazetteer knows as one, 他 no woman it knows as one.
      ("<p>拜登会见了华春莹。她表示，合作会继续。</p>", ["华春莹 表示 indirect: 合作会继续"]),
      ("<p>华春莹会见了王毅。他表示，合作会继续。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // A relation after a pronoun speaks for themselves, unnamed (她母亲说, like 她的律师说).
      ("<p>华春莹会见了王毅。她母亲说，合作会继续。</p>", [String]()),
      ("<p>王毅抵达罗马。他律师表示，合作会继续。</p>", [String]()),
      // So does a relation after an owner no one else in the clause could be (王毅的律师表示),
      // or after 的 right before the cue (她在北京的家人告诉).
      ("<p>王毅的律师表示，合作会继续。</p>", [String]()),
      ("<p>王毅的律师韩正表示，合作会继续。</p>", ["韩正 表示 indirect: 合作会继续"]),
      ("<p>华春莹抵达罗马。她在北京的家人告诉记者，合作会继续。</p>", [String]()),
      ("<p>“合作会继续。”王毅对他的朋友说。</p>", ["王毅 说 direct: 合作会继续"]),
      // A person in a clause of time is no subject while another stands outside one; with 在
      // after them they are the subject of their own time phrase.
      ("<p>王毅讲话前，韩正表示，合作会继续。</p>", ["韩正 表示 indirect: 合作会继续"]),
      ("<p>王毅抵达罗马。韩正讲话后，他表示，合作会继续。</p>", ["韩正 表示 indirect: 合作会继续"]),
      ("<p>王毅在接受采访时，批评了韩正。他表示，合作会继续。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // A clause continues the previous speaker only with no place, no 据 and no unnamed
      // subject in it (外界认为, 专家们指出), and 比方说 reports nobody.
      (
        "<p>王毅表示，合作会继续。中国认为，这很重要。外界认为，这很重要。据称，这很重要。</p>",
        ["王毅 表示 indirect: 合作会继续"]
      ),
      ("<p>王毅表示，合作会继续。比方说，双方将继续合作。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // Nor with an organisation the gazetteer does not name (警方表示, 群众出版社称); 该公司
      // refers back. 批评人士, 反对者: nouns.
      (
        "<p>华为表示，合作会继续。警方表示，调查仍在进行。群众出版社称，这本书不是它出版的。该公司还说，要加强合作。</p>",
        ["华为 表示 indirect: 合作会继续", "华为 说 indirect: 要加强合作"]
      ),
      ("<p>王毅表示，合作会继续。批评人士指出，这并不够。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // Nor is an outlet in a bracketed dateline; in brackets after a handle, a name speaks.
      ("<p>（法新社莫斯科2日电） 俄罗斯调查人员今天表示，歹徒闯入了富商的家中。</p>", [String]()),
      ("<p>（德国之声中文网）美国财政部宣布，制裁14名中国官员。</p>", ["美国财政部 宣布 indirect: 制裁14名中国官员"]),
      ("<p>“王局”（前外交部长王毅）发帖子称，合作会继续。</p>", ["王毅 称 indirect: 合作会继续"]),
      // A person named inside the title of a work is no speaker; a newspaper in 《》 is.
      ("<p>这篇题为《王毅的新外交》的文章写道：“合作会继续。”</p>", [String]()),
      ("<p>《人民日报》写道：“合作会继续。”</p>", ["人民日报 写道 direct: 合作会继续"]),
      // A person before an organisation in the clause speaks.
      ("<p>外交部发言人汪文斌表示，中方坚决反对。</p>", ["汪文斌 表示 indirect: 中方坚决反对"]),
      // The one spoken to never speaks, an organisation included: the pronoun does.
      (
        "<p>王毅抵达罗马。他对路透社说，合作会继续。</p>",
        ["王毅 说 indirect: 合作会继续"]
      ),
      ("<p>有学者对路透社说，合作会继续。</p>", [String]()),
      ("<p>王毅抵达罗马。他在接受路透社采访时说，合作会继续。</p>", ["王毅 说 indirect: 合作会继续"]),
      // Discourse markers end in 说 but report nobody's speech.
      ("<p>王毅表示，合作会继续。与其说这是胜利，不如说是失败。</p>", ["王毅 表示 indirect: 合作会继续"]),
      ("<p>克里表示，气候很重要。可以说，这是一次重要的访问。</p>", ["约翰·克里 表示 indirect: 气候很重要"]),
      ("<p>韩正表示，欢迎克里来访。比如说，双方将继续合作。</p>", ["韩正 表示 indirect: 欢迎克里来访"]),
      // 的 after the cue: the verb modifies a noun (no statement) unless 的是, 的，是, an
      // as-clause or a quotation follows; 的确 opens the content.
      ("<p>王毅否认了美国宣称的南海主权。</p>", [String]()),
      ("<p>王毅表示的时候，会场很安静。</p>", [String]()),
      ("<p>王毅担心的是，合作会中断。</p>", ["王毅 担心 indirect: 合作会中断"]),
      ("<p>王毅担心的，是合作会中断。</p>", ["王毅 担心 indirect: 合作会中断"]),
      ("<p>正如王毅指出的，合作会继续。</p>", ["王毅 指出 indirect: 合作会继续"]),
      ("<p>正如王毅表示的那样，合作会继续。</p>", ["王毅 表示 indirect: 合作会继续"]),
      ("<p>王毅提到的“合作共赢”很重要。</p>", ["王毅 提到 direct: 合作共赢"]),
      ("<p>王毅说的确如此，合作会继续。</p>", ["王毅 说 indirect: 的确如此，合作会继续"]),
      // A cue before a lone 中 and another cue is a noun (在声明中说): the second frames it.
      ("<p>王毅在声明中说，合作会继续。</p>", ["王毅 说 indirect: 合作会继续"]),
      ("<p>王毅在声明中再次呼吁，双方加强合作。</p>", ["王毅 呼吁 indirect: 双方加强合作"]),
      ("<p>王毅表示中国将继续合作。</p>", ["王毅 表示 indirect: 中国将继续合作"]),
      // A cue and a verb framing speech after it read as one (发表声明表示, 回应指出); a verb
      // of belief after a cue is what was said (表示希望), and 了 after the pair narrates.
      ("<p>王毅发表声明表示，合作会继续。</p>", ["王毅 发表声明表示 indirect: 合作会继续"]),
      ("<p>王毅回应指出，合作会继续。</p>", ["王毅 回应指出 indirect: 合作会继续"]),
      ("<p>王毅表示希望合作会继续。</p>", ["王毅 表示 indirect: 希望合作会继续"]),
      ("<p>王毅回应指出了合作的意义。</p>", [String]()),
      // After 的 a cue is a noun, unless a separator or a quotation introduces its words; a cue
      // inside a phrase of time (在…时, 在…之后) frames nothing.
      ("<p>在王毅的主张下，双方达成协议。</p>", [String]()),
      ("<p>王毅的声明说：“合作会继续。”</p>", ["王毅 声明说 direct: 合作会继续"]),
      ("<p>王毅在回应记者询问时指出，合作会继续。</p>", ["王毅 指出 indirect: 合作会继续"]),
      ("<p>在王毅宣布访问欧洲之后，双方达成协议。</p>", [String]()),
      // Reported speech of fewer than five characters is the cue's object; the clause that
      // continues it keeps its speaker.
      ("<p>欧盟表示深切关切，并呼吁中方尊重新闻自由。</p>", ["欧盟 呼吁 indirect: 中方尊重新闻自由"]),
      ("<p>王毅提出上诉。</p>", [String]()),
      // 介绍 (separated_cues) reports speech after 据 or before a separator only.
      ("<p>据外交部长王毅介绍，合作会继续。</p>", ["王毅 据…介绍 indirect: 合作会继续"]),
      ("<p>王毅介绍，合作会继续。</p>", ["王毅 介绍 indirect: 合作会继续"]),
      ("<p>王毅介绍了会谈的各项情况。</p>", [String]()),
      (
        "<p>王毅表示，韩正介绍了会谈情况，合作会继续。</p>",
        ["王毅 表示 indirect: 韩正介绍了会谈情况，合作会继续"]
      ),
      // Whom the words name does not speak them: 他 goes back past 特朗普 to 拜登, and a
      // continued clause naming the last speaker is no longer theirs.
      (
        "<p>拜登抵达特拉华州。特朗普也在当天表示绝对不会认输。他说，选民将把特朗普赶出白宫。</p>",
        ["唐纳德·特朗普 表示 indirect: 绝对不会认输", "乔·拜登 说 indirect: 选民将把特朗普赶出白宫"]
      ),
      (
        "<p>特朗普表示绝对不会认输，并认为特朗普将继续通过诉讼挑战选举结果。</p>",
        ["唐纳德·特朗普 表示 indirect: 绝对不会认输", "? 认为 indirect: 特朗普将继续通过诉讼挑战选举结果"]
      ),
      // An owner the words name in the third person does not speak them (拜登的团队表示).
      ("<p>拜登的团队表示，赢得大选后，拜登的首要任务是应对疫情。</p>", ["? 表示 indirect: 赢得大选后，拜登的首要任务是应对疫情"]),
      // A phrase of time opened by 在 and ending before a comma frames nothing (在…的前一天，).
      ("<p>在特朗普宣布新规的前一天，蓬佩奥宣布扩大美方的倡议。</p>", ["迈克·蓬佩奥 宣布 indirect: 扩大美方的倡议"]),
      ("<p>在普京宣布参选之前，纳瓦尔尼表示安全局策划了攻击。</p>", ["纳瓦尔尼 表示 indirect: 安全局策划了攻击"]),
      // A former holder speaks for no one now; a newspaper in 《》 before a title is its own.
      (
        "<p>中国外交部前发言人陆慷表示，合作会继续下去。外交部发言人说，美方应当停止挑衅。</p>",
        ["陆慷 表示 indirect: 合作会继续下去", "中华人民共和国外交部 说 indirect: 美方应当停止挑衅"]
      ),
      (
        "<p>《人民日报》发言人回应，对蓬佩奥的言论表示强烈抗议。发言人还称，美方应当作出实质性修改。</p>",
        ["人民日报 回应 indirect: 对蓬佩奥的言论表示强烈抗议", "人民日报 称 indirect: 美方应当作出实质性修改"]
      ),
      // 报道 (outlet_cues) without a separator reports an organisation's words only; after a
      // person or a pronoun it names a journalist's beat.
      ("<p>路透社报道美国将与中国恢复对话。</p>", ["路透社 报道 indirect: 美国将与中国恢复对话"]),
      ("<p>韩正是时报记者。他之前曾驻华盛顿报道国际贸易新闻。</p>", [String]()),
      ("<p>韩正报道，美国将与中国恢复对话。</p>", ["韩正 报道 indirect: 美国将与中国恢复对话"]),
      (
        "<p>正如我的同事韩正报道的那样，美国将与中国恢复对话。</p>",
        ["韩正 报道 indirect: 美国将与中国恢复对话"]
      ),
      // An owner (王毅的, 拜登政府) speaks only when no one else in the clause can.
      ("<p>拜登政府的国务卿布林肯表示，合作会继续。</p>", ["安东尼·布林肯 表示 indirect: 合作会继续"]),
      ("<p>王毅的发言人韩正表示，合作会继续。</p>", ["韩正 表示 indirect: 合作会继续"]),
      ("<p>王毅的声明表示，合作会继续。</p>", ["王毅 声明表示 indirect: 合作会继续"]),
      // A cue after a passive mark is done to the subject: the agent speaks, or nobody the
      // article names; not where the passive describes a noun or a phrase of time closes it.
      ("<p>王毅被外界认为是温和派。</p>", [String]()),
      ("<p>王毅抵达罗马。他被告知会谈推迟。</p>", [String]()),
      ("<p>王毅的提议遭到欧盟反驳，称其不切实际。</p>", ["欧盟 反驳 indirect: 称其不切实际"]),
      ("<p>被传将遭撤职的王毅表示，合作会继续。</p>", ["王毅 表示 indirect: 合作会继续"]),
      ("<p>王毅被问到此事时说，合作会继续。</p>", ["王毅 说 indirect: 合作会继续"]),
      ("<p>王毅被告律师表示，合作会继续。</p>", ["王毅 表示 indirect: 合作会继续"]),
      (
        "<p>王毅表示，韩正被要求出席会议，合作会继续。</p>",
        ["王毅 表示 indirect: 韩正被要求出席会议，合作会继续"]
      ),
      // 有 opens a clause of someone unnamed (有人说, 但有分析认为); 有关 is "concerning".
      ("<p>王毅表示，合作会继续。但有分析认为，这只是缓兵之计。</p>", ["王毅 表示 indirect: 合作会继续"]),
      (
        "<p>王毅表示，欢迎双方合作。王毅就“合作”有关提问表示，合作会继续。</p>",
        ["王毅 表示 indirect: 欢迎双方合作", "王毅 表示 indirect: 合作会继续"]
      ),
      // 他 is the previous speaker, unless a sentence after its words has a person for subject:
      // the first one named there that is no object (会见了克里, 譬如韩正), no owner, not in an
      // aside, and after no pronoun subject (他将克里与布林肯比较).
      (
        "<p>王毅表示，合作会继续。</p><p>国务院副总理韩正周三会见了克里。他说，贸易会增长。</p>",
        ["王毅 表示 indirect: 合作会继续", "韩正 说 indirect: 贸易会增长"]
      ),
      ("<p>韩正周三会见了克里。他说，贸易会增长。</p>", ["韩正 说 indirect: 贸易会增长"]),
      (
        "<p>王毅表示，合作会继续。他将克里与布林肯比较。他说，贸易会增长。</p>",
        ["王毅 表示 indirect: 合作会继续", "王毅 说 indirect: 贸易会增长"]
      ),
      (
        "<p>王毅表示，合作会继续。譬如韩正也赞成。他说，贸易会增长。</p>",
        ["王毅 表示 indirect: 合作会继续", "王毅 说 indirect: 贸易会增长"]
      ),
      (
        "<p>对于这次会谈——布林肯也参加了——王毅感到满意，并邀请了克里。他说，合作会继续。</p>",
        ["王毅 说 indirect: 合作会继续"]
      ),
      (
        "<p>王毅拒绝接受采访。他几乎每天都与韩正通话。他表示，合作会继续。</p>",
        ["王毅 表示 indirect: 合作会继续"]
      ),
      // 他的助手表示: someone of his speaks, whom the article does not name.
      ("<p>王毅抵达罗马。他的助手表示，合作会继续。</p>", [String]()),
      // 其他 is "others", no pronoun.
      ("<p>王毅表示，合作会继续。其他专家认为，贸易会增长。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // 他们 is no one person: an organisation that spoke before, not an outlet, or nobody.
      ("<p>王毅抵达罗马。他们表示，合作会继续。</p>", ["? 表示 indirect: 合作会继续"]),
      (
        "<p>欧盟表示，欢迎双方合作。他们还表示，合作会继续。</p>",
        ["欧盟 表示 indirect: 欢迎双方合作", "欧盟 表示 indirect: 合作会继续"]
      ),
      // An organisation's quoted name is part of the clause, not its end: the clause names a
      // speaker of its own (an unnamed one here), not the previous speaker.
      (
        "<p>王毅表示，合作会继续。然而民间组织“选举观察计划”批评，此举损害了选举。</p>",
        ["王毅 表示 indirect: 合作会继续"]
      ),
      ("<p>蓬佩奥发表讲话后，中国官媒“路透社”立即发表评论，抨击了这一讲话。</p>", ["路透社 评论 indirect: 抨击了这一讲话"]),
      // Other quoted words still end the clause (称，“…，”克里还表示 → 克里还).
      ("<p>王毅称，“合作会继续，”克里还表示，气候问题很重要。</p>", ["王毅 称 direct: 合作会继续", "约翰·克里 表示 indirect: 气候问题很重要"]),
      // 引述 X 说: the person quoted speaks, not the outlet, nor the body of their title.
      (
        "<p>路透社引述北京大学教授王缉思说，中美关系很难恢复。</p>",
        ["王缉思 说 indirect: 中美关系很难恢复"]
      ),
      // An organisation owning the one after it (…的, …下属的《…》) does not speak for it.
      ("<p>此外，中国国务院下属的《经济日报》周四还评论称，监管部门将再次约谈蚂蚁集团。</p>", ["经济日报 评论称 indirect: 监管部门将再次约谈蚂蚁集团"]),
      ("<p>隶属于字节跳动的TikTok在一份声明中表示，对此感到震惊。</p>", ["TikTok 表示 indirect: 对此感到震惊"]),
      // A negation with an adverb before the cue denies it (没有进一步解释, 未明确表示).
      ("<p>特朗普并没有进一步解释他计划如何切割中美经贸关系。</p>", [String]()),
      ("<p>中国外交部也没有具体说明美国驻成都领事馆应该在什么期限内关闭。</p>", [String]()),
      // A demonstrative makes the cue a noun (这一表态).
      ("<p>马克龙表示，欧洲要有自己的办法。这一表态，被认为是中国在欧洲的挫败。</p>", ["埃马纽埃尔·马克龙 表示 indirect: 欧洲要有自己的办法"]),
      // 自不必说 says nothing of anyone's speech.
      ("<p>与方芳恋爱过的两位市长自不必说，国会议员也要断送前程。</p>", [String]()),
      // 据报道, 据悉, 据称 alone: reportedly, not the previous speaker's.
      ("<p>王毅表示，合作会继续。据报道，双方将在下周会面。</p>", ["王毅 表示 indirect: 合作会继续"]),
      ("<p>王毅表示，合作会继续。據悉，双方将在下周会面。</p>", ["王毅 表示 indirect: 合作会继续"]),
      // 作者 (the author) is nobody the article names; 不是说 a discourse marker.
      ("<p>王毅表示，合作会继续。作者认为，双方将在下周会面。</p>", ["王毅 表示 indirect: 合作会继续"]),
      (
        "<p>王毅指出，很多案例显示，不是说跟中国关系很好，就可以保证不受侵害。</p>",
        ["王毅 指出 indirect: 很多案例显示，不是说跟中国关系很好，就可以保证不受侵害"]
      ),
      // A pronoun after 对 or 向 is spoken to: someone the article does not name speaks.
      ("<p>王毅抵达罗马。筹委会仍然向他表示感谢，并赞扬了他的专业表现。</p>", [String]()),
      // A space between ideographs parts a headline's clauses when someone is named after it.
      ("<p>克里访问台湾 中国宣布军事实战演练</p>", [String]()),
      ("<p>蓬佩奥访问台湾 国台办称涉危害国安</p>", ["国务院台湾事务办公室 称 indirect: 涉危害国安"]),
      ("<p>王毅发表讲话 呼吁世人寻找内心平静</p>", ["王毅 呼吁 indirect: 世人寻找内心平静"]),
      // The owner opening a sentence is whom its pronoun stands for, when nobody else is its
      // subject (但特朗普的回应并不激烈，他…).
      (
        "<p>王毅表示，合作会继续。但特朗普的回应并不激烈，他批评对方放弃得太早了。</p>",
        ["王毅 表示 indirect: 合作会继续", "唐纳德·特朗普 批评 indirect: 对方放弃得太早了"]
      ),
      // 据 X 引述 Y 称: Y speaks, X relays.
      ("<p>据中央社今天引述英国金融时报称，外媒频问马云在哪里。</p>", ["金融时报 据…称 indirect: 外媒频问马云在哪里"]),
      // A clause a conjunction of condition opens states a condition: no statement, and the
      // statement before goes on through it.
      (
        "<p>王毅表示，对于美国而言，只要认为是敌手，就会用尽所有的手段。</p>",
        ["王毅 表示 indirect: 对于美国而言，只要认为是敌手，就会用尽所有的手段"]
      ),
      (
        "<p>王毅认为，网络管理是国家的责任，如果说这些言论威胁了民主，那么封禁也同样构成威胁。</p>",
        ["王毅 认为 indirect: 网络管理是国家的责任，如果说这些言论威胁了民主，那么封禁也同样构成威胁"]
      ),
      // 这说明: "this" is the subject, not the one who spoke before; 这位总理说 refers back.
      (
        "<p>特朗普表示，选举被操纵了。选举由法院裁定，这说明美国的选举制度存在缺失。</p>",
        ["唐纳德·特朗普 表示 indirect: 选举被操纵了"]
      ),
      // The person ending a phrase of time (…周庭时表示) is its object, not the speaker.
      ("<p>德国专家评价江泽民时说：“他被视为一个机会主义者。”</p>", [String]()),
      ("<p>布林肯会见王毅时表示，合作会继续。</p>", ["安东尼·布林肯 表示 indirect: 合作会继续"]),
      // 據, the traditional 据, opens an according-to clause too.
      ("<p>據王毅介紹，雙方將在下週會面。</p>", ["王毅 据…介紹 indirect: 雙方將在下週會面"]),
      // The person a relative clause opens with (受, 被, 担任 …) modifies the one after its 的.
      (
        "<p>受李登辉提拔过的台湾前总统马英九发表声明，称他是民主先生。</p>",
        ["马英九 发表声明 indirect: 称他是民主先生"]
      ),
      (
        "<p>曾担任乔治·布什总统经济顾问的丹尼尔·普赖斯说，特朗普的态度反复无常。</p>",
        ["丹尼尔·普赖斯 说 indirect: 特朗普的态度反复无常"]
      ),
      // Without an opener the first person speaks (特朗普 会见 the guest named after 的).
      (
        "<p>特朗普会见了来访的日本首相安倍晋三后说，会谈很成功。</p>",
        ["唐纳德·特朗普 说 indirect: 会谈很成功"]
      ),
      // A name the next person's title starts after is that person's employer (金融学 is a
      // name-shaped word discovery takes for a person).
      (
        "<p>北京大学光华管理学院金融学教授迈克尔·佩蒂斯表示，把钱给消费者更有效率。</p>",
        ["迈克尔·佩蒂斯 表示 indirect: 把钱给消费者更有效率"]
      ),
      // 该报, 该委员会 refer back to an organisation, never to a person who spoke before.
      (
        "<p>马云说，我们必须革新目前的体制。该报认为，呼吁体制性改革是件很危险的事。</p>",
        ["马云 说 indirect: 我们必须革新目前的体制", "? 认为 indirect: 呼吁体制性改革是件很危险的事"]
      ),
      // 该报 is the newspaper the paragraph, or the one before, last named.
      (
        "<p>《世界报》分析了马云的处境。马云说，我们必须革新目前的体制。该报认为，呼吁体制性改革是件很危险的事。</p>",
        ["马云 说 indirect: 我们必须革新目前的体制", "世界报 认为 indirect: 呼吁体制性改革是件很危险的事"]
      ),
      (
        "<p>世卫组织表示，疫情仍在蔓延。该组织呼吁，各国加强合作。</p>",
        ["世界卫生组织 表示 indirect: 疫情仍在蔓延", "世界卫生组织 呼吁 indirect: 各国加强合作"]
      ),
      // A cue before 时 ends a phrase of time; right after 对 or 向 a cue is no verb, unless the
      // mark ends an adverb (一向).
      ("<p>特朗普的对手在对方回答时都被静音。</p>", [String]()),
      (
        "<p>卢卡申科在集会上发言。他对估计有5千人的集会大众说：“我把你们叫到这里来。”</p>",
        ["亚历山大·卢卡申科 说 direct: 我把你们叫到这里来"]
      ),
      ("<p>中国政府一向否认压迫新疆维吾尔族的指控。</p>", ["中华人民共和国政府 否认 indirect: 压迫新疆维吾尔族的指控"]),
      // After 援引…的话说 the words follow the source's 的话: the person named there speaks, or
      // someone unnamed; when the next clause has its own cue (他说), that cue frames them,
      // and 他 is the unnamed one introduced in its sentence.
      (
        "<p>路透社援引澳大利亚籍教师尼克·贝克的话说，地方当局已开始监视外教。</p>",
        ["尼克·贝克 援引 indirect: 地方当局已开始监视外教"]
      ),
      (
        "<p>《南华早报》援引一位接近日美关系人士的话说，华盛顿正是根据这一情报行动。</p>",
        ["? 援引 indirect: 华盛顿正是根据这一情报行动"]
      ),
      (
        "<p>麦康奈尔认为特朗普犯下了值得弹劾的行为。《纽约时报》援引一位共和党策略师的话报道，他说，参议院多数党领袖与总统保持距离。</p>",
        ["麦康奈尔 认为 indirect: 特朗普犯下了值得弹劾的行为", "? 说 indirect: 参议院多数党领袖与总统保持距离"]
      ),
      // The object of a verb of `object_verbs` is a noun; a cue opening the next clause
      // frames the words of the noun's subject.
      (
        "<p>美国财政部对该命令作出解释，强调所有中国军工企业都在限制之列。</p>",
        ["美国财政部 强调 indirect: 所有中国军工企业都在限制之列"]
      ),
      ("<p>习近平做出了承诺，他希望中国处于领导者地位。</p>", ["习近平 希望 indirect: 中国处于领导者地位"]),
      // A language or a kind of talk spoken is no one's words; an outlet told is no talk.
      ("<p>雅兹迪教派信徒说北库尔德语，多半住在伊拉克。</p>", [String]()),
      ("<p>唐竹茵说句公道话，于9月份去北京上访。</p>", [String]()),
      ("<p>宋文笛告诉BBC中文，中方的举动是在试探澳方。</p>", ["宋文笛 告诉 indirect: BBC中文，中方的举动是在试探澳方"]),
      // 无法, 不能 deny the cue as 不 does.
      ("<p>国际刑警组织不能要求任何国家的执法部门逮捕通缉对象。</p>", [String]()),
      // A person after a cue and a comma is its object when a cue of speech opens the next
      // clause: that cue introduces the words.
      (
        "<p>特朗普又批评玛丽·巴拉，称通用未能履行生产呼吸机的承诺。</p>",
        ["唐纳德·特朗普 称 indirect: 通用未能履行生产呼吸机的承诺"]
      ),
      // The owner of a phrase of time's object is no speaker; a phrase of time naming no one
      // who could speak is the previous clause's adverb, whose subject speaks.
      ("<p>香港警察用电邮回覆华盛顿邮报的查询时表示，一般不会对个别案件作出评论。</p>", [String]()),
      (
        "<p>蓬佩奥在接受采访,谈到下届美国政府的主要挑战时指出：“那肯定是中国共产党。”</p>",
        ["迈克·蓬佩奥 指出 direct: 那肯定是中国共产党"]
      ),
      ("<p>中方总领事蔡伟似有不甘，23日接受报道时称，不承诺关闭领馆。</p>", ["蔡伟 称 indirect: 不承诺关闭领馆"]),
      // 时 of an adverb (限时, 时不时) ends no phrase of time.
      ("<p>本周特朗普再度出手，美国限时72小时要求中国关闭总领馆。</p>", [String]()),
      // Quoted words the clause goes on after are a term of the reported words; words that end
      // a sentence inside the marks are words of their own.
      (
        "<p>卡梅伦指出，“过去的错误”不能作为不采取行动的“借口”。</p>",
        ["戴维·卡梅伦 指出 mixed: “过去的错误”不能作为不采取行动的“借口”"]
      ),
      ("<p>福奇说：“我不能把他推开。”他笑了。</p>", ["福奇 说 direct: 我不能把他推开"]),
      // A name's last character is no negation (艾未未 is not 艾未 + 未).
      ("<p>纽约时报引述艾未未表示，香港人有文化。</p>", ["艾未未 表示 indirect: 香港人有文化"]),
      // A quoted term inside a phrase of time is part of it; 时 is no bare surname.
      (
        "<p>时殷弘说，这很危险，中国应该小心行事。外交部发言人赵立坚在回应“五眼联盟”的举动时称，“不管他们长五只眼。”</p>",
        ["时殷弘 说 indirect: 这很危险，中国应该小心行事", "赵立坚 称 direct: 不管他们长五只眼"]
      ),
      // A clause of adverbs goes on from the clause before it when that one opens with
      // someone; not from an object (向…投稿), nor after 据 (reportedly).
      (
        "<p>国民党主席江启臣则在同一会议的演讲中，呼吁美国降低中共用武动机，并加强合作。</p>",
        ["江启臣 呼吁 indirect: 美国降低中共用武动机，并加强合作"]
      ),
      (
        "<p>多伊奇率领31位议员联名致函国务卿蓬佩奥，呼吁行政部门加速新疆维吾尔人签证处理程序。</p>",
        ["多伊奇 呼吁 indirect: 行政部门加速新疆维吾尔人签证处理程序"]
      ),
      ("<p>美国驻华使馆近日向中共党报《人民日报》投稿，希望刊登大使布兰斯塔德的一篇署名文章。</p>", [String]()),
      ("<p>香港电台一位知名记者被警方逮捕，据称与其参与调查示威期间的报道有关。</p>", [String]()),
      // 该组织 after a person's statement is the organisation the paragraph last named; 该委员会
      // only one whose name holds 委员会.
      (
        "<p>李强说，溯源工作很重要。世卫已公布专家名单。该组织表示，国际考察团成员和中国研究人员之间举行定期会议。</p>",
        ["李强 说 indirect: 溯源工作很重要", "世界卫生组织 表示 indirect: 国际考察团成员和中国研究人员之间举行定期会议"]
      ),
      (
        "<p>李强说，溯源工作很重要。世卫已公布专家名单。该委员会表示，国际考察团成员和中国研究人员之间举行定期会议。</p>",
        ["李强 说 indirect: 溯源工作很重要", "? 表示 indirect: 国际考察团成员和中国研究人员之间举行定期会议"]
      ),
      // An organisation owned speaks after the kind of organisation it is, with no 的.
      (
        "<p>中共中央机关报《人民日报》立即发文，对该调查表示支持这一举措。</p>",
        ["人民日报 表示 indirect: 支持这一举措"]
      ),
      // ICU glues 他 to 认为 and 称 (他认为, 他称), 中 to 称 (声明中称), and a cue to the 说
      // after it (回答说): each cue still stands.
      (
        "<p>傅高义说，两国可能发生武装冲突。他认为，两国可以在公共卫生议题上开始合作。他称，他不需要成为敌人。</p>",
        [
          "傅高义 说 indirect: 两国可能发生武装冲突", "傅高义 认为 indirect: 两国可以在公共卫生议题上开始合作",
          "傅高义 称 indirect: 他不需要成为敌人",
        ]
      ),
      (
        "<p>彭定康回答说，我们不应该这么样被吓倒。布兰斯塔德在一份声明中称，《人民日报》的态度再次暴露了问题。</p>",
        ["彭定康 回答说 indirect: 我们不应该这么样被吓倒", "布兰斯塔德 称 indirect: 《人民日报》的态度再次暴露了问题"]
      ),
      // A comma inside brackets parts no clause: the subject stands before the brackets.
      (
        "<p>民主党联邦参议员默克里（Sen. Jeff Merkley, D-OR）本星期稍早也曾向美国之音强调，任何有关收集美国数据的软件都必须谨慎看待。</p>",
        ["默克里 强调 indirect: 任何有关收集美国数据的软件都必须谨慎看待"]
      ),
      // An organisation's end starts a word whatever ICU glued across it (中央委员|会说); the
      // cue prefixes take 回忆 too (回忆说).
      (
        "<p>“经济长期向好，”中央委员会说，“社会大局稳定，继续发展具有多方面优势和条件。”杨宪宏回忆说，在他与李登辉的多次对话里，曾几次询问过相关议题。</p>",
        [
          "中央委员会 说 direct: 社会大局稳定，继续发展具有多方面优势和条件",
          "杨宪宏 说 indirect: 在他与李登辉的多次对话里，曾几次询问过相关议题",
        ]
      ),
      // A demonstrative of a person stands for someone named before, as a pronoun does; not
      // the verb of a relative clause after it (以批评中国闻名的), nor where a speaker's title
      // follows (这位官员 is the title's).
      (
        "<p>斯伯丁说，中国在进步。这位以批评中国闻名的专家也强调美国应注重加强自身。这位美国前总统还在会上称，美国需要集中于工业政策。</p>",
        [
          "斯伯丁 说 indirect: 中国在进步", "斯伯丁 强调 indirect: 美国应注重加强自身",
          "斯伯丁 称 indirect: 美国需要集中于工业政策",
        ]
      ),
      // A pronoun before an organisation is the subject; the organisation is where it spoke.
      (
        "<p>李明说，这样不行不行。他在美国之音节目中表示，中国从2003年对外资开放银行业。</p>",
        ["李明 说 indirect: 这样不行不行", "李明 表示 indirect: 中国从2003年对外资开放银行业"]
      ),
      // 称作 names, it reports no speech.
      ("<p>特朗普把拜登称作是北京手中的木偶，但其实这位前副总统有可能团结西方。</p>", [String]()),
      // An outlet's report by 据 names the people who act: a clause of adverbs goes on from the
      // subject its words open with; the title after 向 and a country is the one spoken to.
      (
        "<p>据路透社周二报道称，字节跳动已经向美国官员提交了一份计划，希望能保留TikTok全球业务的多数股权。</p>",
        [
          "路透社 据…报道称 indirect: 字节跳动已经向美国官员提交了一份计划",
          "字节跳动 希望 indirect: 能保留TikTok全球业务的多数股权",
        ]
      ),
      // After 在 a person is where or when, no subject a clause of adverbs goes on from.
      (
        "<p>陈志洁推测，央视连续三天播放报导，时间点更刚好在蔡英文国庆讲话之后，相信是节目内容早已准备好。</p>",
        [String]()
      ),
      // Firms that speak in the corpus are curated companies (英特尔, 推特); an organisation after
      // 在 or 在其 is where someone spoke, and one before 网友 or 用户 owns someone unnamed.
      (
        "<p>英特尔表示，它不再向中科曙光出售用于超级计算机的半导体。推特称，特朗普的帐号冻结将持续12小时。</p>",
        [
          "英特尔 表示 indirect: 它不再向中科曙光出售用于超级计算机的半导体",
          "推特 称 indirect: 特朗普的帐号冻结将持续12小时",
        ]
      ),
      (
        "<p>李明说，这样不行不行。并在推特上表示，美国需要集中于工业政策。一名中国推特网友评论道，加速主义好，直接断网吧。</p>",
        ["李明 说 indirect: 这样不行不行", "李明 表示 indirect: 美国需要集中于工业政策"]
      ),
      // After 从 an organisation is a source, no speaker.
      ("<p>目前这些记者没有一个人从美国当局那里得到答复，并强调这已经严重干扰了他们的工作。</p>", [String]()),
      // 公共卫生 (public health) is no organisation, whatever chinese-elite's aliases say.
      ("<p>公共卫生专家表示，疫情还会反弹。</p>", [String]()),
    ])
  func frame(body: String, expected: [String]) throws {
    #expect(try statements(body).map(\.description) == expected)
  }

  @Test("据路透社报道，韩正表示…: 韩正 speaks what 路透社 relays")
  func relayedByAnOutlet() throws {
    let body = "<p>据路透社报道，韩正周三表示，双方保持密切沟通。</p>"
    let document = try Fixture.process(Fixture.article(body: body))
    #expect(document.statements.count == 1)
    let statement = try #require(document.statements.first)
    #expect(statement.speaker.map { document.entities[$0].name } == "韩正")
    #expect(document.text[statement.content] == "双方保持密切沟通")
    #expect(
      statement.reportedBy.map { document.entities[document.mentions[$0].entity].name } == "路透社")
  }

  @Test("据路透社，韩正表示…: 韩正 speaks, 路透社 relays; 据克里对韩正说: said to 韩正")
  func reportedByAndSaidTo() throws {
    let body = "<p>据路透社，韩正表示，双方保持密切沟通。</p><p>据克里对韩正说，“我们将有机会产生深远影响，”他告诉韩。</p>"
    let document = try Fixture.process(Fixture.article(body: body))
    #expect(document.statements.count == 2)
    let first = try #require(document.statements.first)
    #expect(first.reportedBy.map { document.entities[document.mentions[$0].entity].name } == "路透社")
    let second = try #require(document.statements.last)
    #expect(second.speaker.map { document.entities[$0].name } == "约翰·克里")
    #expect(second.addressee.map { document.entities[document.mentions[$0].entity].name } == "韩正")
    let lines = document.records.map { $0.jsonLine() }
    #expect(lines.contains { $0.contains(#""label":"REPORTED_BY""#) })
    #expect(lines.contains { $0.contains(#""label":"SAID_TO""#) })
  }

  @Test("a pronoun goes to the previous speaker, a bare title to the organisation in it")
  func pronounsAndTitles() throws {
    let body = "<p>王毅表示，中方愿意合作。他说，合作符合两国利益。</p><p>中国外交部发言人表示，中方坚决反对。</p>"
    let document = try Fixture.process(Fixture.article(body: body))
    let resolved = document.statements.map {
      (
        $0.speaker.map { document.entities[$0].name } ?? "?", $0.resolution?.rawValue ?? "",
        $0.speakerText
      )
    }
    #expect(resolved.map(\.0) == ["王毅", "王毅", "中华人民共和国外交部"])
    #expect(resolved.map(\.1) == ["name", "pronoun", "title"])
    #expect(resolved.map(\.2) == ["王毅", "他", "中国外交部发言人"])
  }

  @Test("a pronoun never resolves to a person named inside quoted words")
  func pronounSkipsQuotedPeople() throws {
    let body = "<p>路透社说，“习近平将出席会议。”他说，会议很重要。</p>"
    let document = try Fixture.process(Fixture.article(body: body))
    let last = try #require(document.statements.last)
    #expect(last.speaker == nil)
  }

  @Test("SAID carries speaker_text, resolution and the speaker's offsets")
  func saidProperties() throws {
    let document = try Fixture.process(Fixture.article(body: "<p>克里称，我们能做出改变。</p>"))
    let said = try #require(
      document.records.map { $0.jsonLine() }.first { $0.contains(#""label":"SAID""#) })
    #expect(said.contains(#""resolution":"alias""#))
    #expect(said.contains(#""speaker_start":0"#) && said.contains(#""speaker_end":2"#))
    #expect(said.contains(#""speaker_text":"克里""#))
  }

  @Test("golden: what quotes prints for the seed article")
  func seedQuotes() throws {
    var document = try ArticleReader().read(Fixture.bytes(Paths.seedArticle), source: "seed")
    try Fixture.defaultPipeline.process(&document)
    try Golden.check(StatementsView(document: document).text(), against: "seed.quotes.txt")
  }
}

@Suite("Quote finder lookups")
struct QuoteFinderLookupTests {
  func units(_ text: String) -> ArraySlice<UInt16> { ArraySlice(Array(text.utf16)) }

  @Test("word sets answer as a Set of Strings does: canonical equivalents match")
  func canonicalWords() {
    let negations = UnitWordSet(["不", "没有", "并未"])
    #expect(negations.contains(units("不")))
    #expect(negations.contains(units("没有")))
    #expect(!negations.contains(units("没")))
    #expect(!negations.contains(units("没有人说")))
    // U+F967 is a compatibility ideograph whose canonical decomposition is 不.
    #expect(negations.contains(units("\u{F967}")))
    let accents = UnitWordSet(["é", "x"])
    #expect(accents.contains(units("e\u{301}")))
    #expect(accents.contains(units("é")))
    let decomposed = UnitWordSet(["e\u{301}"])
    #expect(decomposed.contains(units("é")))
    #expect(!UnitWordSet([]).contains(units("")))
    #expect(UnitWordSet([""]).contains(units("")))
  }

  @Test("a unit set holds exactly its characters' units")
  func unitSet() {
    let breaks = UnitSet("，,；;")
    for unit in "，,；;".utf16 { #expect(breaks.contains(unit)) }
    for unit in "。:a中".utf16 { #expect(!breaks.contains(unit)) }
  }
}
