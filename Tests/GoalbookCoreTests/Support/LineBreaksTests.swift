import Foundation
import GoalbookCore
import Testing

/// Line breaks are found by their UTF-8 bytes exactly where they are found by their scalars.
@Suite struct LineBreaksTests {
    /// Every scalar up to U+3000 (all the breaks, and everything sharing a byte with NEL or the
    /// separators: Å is C3 85, … is E2 80 A6), alone and between letters, and at either end.
    @Test func theByteScanFindsTheBreaksTheScalarsDefine() {
        var checked = 0
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isBreak = LineBreaks.isBreak(scalar)
            for text in ["\(scalar)", "a\(scalar)b", "\(scalar)é", "€\(scalar)"] {
                #expect(LineBreaks.contains(text) == isBreak, "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 40_000)
        #expect(LineBreaks.contains("line one\u{2028}line two") && LineBreaks.contains("a\r\nb") && LineBreaks.contains("x\u{85}"))
        #expect(!LineBreaks.contains("Å … ‧ ‪ ∅ ⏎") && !LineBreaks.contains(""))
    }
}
