import GoalbookCore
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain ünïcödé — fine\n\tindented", "plain ünïcödé — fine\n\tindented"),
        ("\u{1B}[2J clear", "\\e[2J clear"),
        ("title \u{1B}]0;x\u{07}", "title \\e]0;x\\x07"),
        ("cr\r over", "cr\\r over"),
        ("nul \u{0} del \u{7F} c1 \u{9B}", "nul \\x00 del \\x7F c1 \\u009B"),
        ("\u{202E}txt.exe \u{2066}iso\u{2069} \u{200F}rlm \u{061C}", "\\u202Etxt.exe \\u2066iso\\u2069 \\u200Frlm \\u061C"),
        ("line\u{2028}sep", "line\\u2028sep"),
    ])
    func controlAndBidiCharactersAreShownEscaped(text: String, shown: String) {
        #expect(TerminalText.visible(text) == shown)
    }

    @Test func theReportsOwnColoursPassAndNothingElseDoes() {
        let painted = TerminalText.color(.green) + "on track" + TerminalText.color(.reset)
        #expect(TerminalText.visible(painted, keepingColors: true) == painted)
        #expect(TerminalText.visible(painted) == "\\e[32mon track\\e[0m")
        #expect(TerminalText.visible("\u{1B}[8mhidden" + painted, keepingColors: true) == "\\e[8mhidden" + painted)
    }
}
