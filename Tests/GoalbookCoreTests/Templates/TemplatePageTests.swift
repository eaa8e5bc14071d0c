import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// The template page (seed 000 as HTML): every element of the seed in its order, copy blocks equal
/// to the text print, and the same omission rules as the print form.
@Suite struct TemplatePageTests {
    /// The text a browser holds for the page's body: tags dropped, the five entities decoded.
    func bodyText(_ html: String) -> String {
        let body = html.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        return unescape(body.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
    }

    func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    func withoutWhitespace(_ text: String) -> [UInt8] {
        Array(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined().utf8)
    }

    /// The text of each `<pre>`, which the copy control puts on the clipboard.
    func copyBlocks(_ html: String) -> [String] {
        html.components(separatedBy: "<pre>").dropFirst().map { unescape($0.components(separatedBy: "</pre>")[0]) }
    }

    func builtIn(_ engine: TestEngine, function: String = "AI / Machine Learning Engineering", level: String = "P2") throws -> Frame {
        try CanonService(makeStore(on: engine).store).frame(function: function, level: level)
    }

    @Test(arguments: TestEngine.available) func seed000sPageTextIsTheSeedsTextFromTitleToLastScorecardLine(engine: TestEngine) throws {
        let html = TemplatePage.html(try builtIn(engine))
        let seed = try fixtureText("seed000-page.txt")
        #expect(withoutWhitespace(bodyText(html)) == withoutWhitespace(seed), "whitespace set aside, compared as UTF-8 bytes")
        #expect(html.contains("<title>AI / Machine Learning Engineering — P2</title>"))
        // Self-contained: nothing fetched.
        for reference in ["http://", "https://", " src=", "<link", "@import"] { #expect(!html.contains(reference), "\(reference)") }
    }

    @Test(arguments: TestEngine.available) func eachCopyBlockIsTheTextPrintByteForByte(engine: TestEngine) throws {
        let frame = try builtIn(engine)
        let blocks = copyBlocks(TemplatePage.html(frame))
        #expect(blocks.map { Array($0.utf8) } == Framework.allCases.map { Array(TemplateRenderer.printBlock($0, for: frame).utf8) })
        for framework in Framework.allCases {
            let one = TemplatePage.html(frame, frameworks: [framework])
            #expect(copyBlocks(one).map { Array($0.utf8) } == [Array(TemplateRenderer.printBlock(framework, for: frame).utf8)])
            #expect(one.components(separatedBy: "<section class=\"framework\"").count == 2, "--framework \(framework) limits the page")
        }
    }

    @Test(arguments: TestEngine.available) func aLadderFramesPageFollowsTheSameOmissionRules(engine: TestEngine) throws {
        let frame = try builtIn(engine, function: "Machine Learning Engineer", level: "IC2")
        let html = TemplatePage.html(frame)
        let text = bodyText(html)
        #expect(!text.contains("Achievable") && !text.contains("Relevant"), "no rubrics and no level title: no such lines")
        #expect(!html.contains("<th>Standard</th>"), "no knowledge-application rubric: no Standard column")
        let responsibilities = frame.statements(.responsibility).count
        let dimensions = frame.statements(.dimension).count
        #expect(text.components(separatedBy: "• Evidence at this level's").count - 1 == min(responsibilities, dimensions))
        #expect(text.components(separatedBy: "• Meets the ").count - 1 == dimensions)
        #expect(text.contains("Engineering · Machine Learning Engineer · IC2\n"), "no title, no ' — ' after the level")
        #expect(copyBlocks(html).map { Array($0.utf8) } == Framework.allCases.map { Array(TemplateRenderer.printBlock($0, for: frame).utf8) })
    }

    @Test(arguments: TestEngine.available) func canonTextIsEscapedForHTMLAndOtherwiseUntouched(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        let yaml =
            "source: T\nfamily: F & Co\nfunctions:\n  - name: G\n    levels:\n      - code: L1\n        responsibilities: "
            + "[\"<script>alert('x')</script> & \\\"quotes\\\"  twice\"]\n"
        _ = try CanonService(store).importCanon([try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "t.yaml")], actor: "t")
        let html = TemplatePage.html(try CanonService(store).frame(function: "G", level: "L1"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;  twice"), "two spaces kept")
        #expect(bodyText(html).contains("<script>alert('x')</script> & \"quotes\"  twice"))
    }
}
