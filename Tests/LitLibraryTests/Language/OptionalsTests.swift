import LitTestSupport
import Testing

@Suite struct OptionalsTests {
    @Test func nilCoalescing() throws {
        #expect(try output("let a: Int? = nil\nlet b: Int? = 3\nprint(a ?? 0, b ?? 0, a ?? b ?? 9)") == "0 3 3\n")
        // `??` binds looser than `+`.
        #expect(try output("let a: Int? = nil\nprint(a ?? 1 + 2)") == "3\n")
    }

    @Test func forceUnwrap() throws {
        #expect(try output("let xs = [4, 5]\nprint(xs.first! + xs.last!)") == "9\n")
    }

    @Test func forceUnwrapOfNilIsAnError() {
        let code = "let xs: [Int] = []\nlet y = xs.first!"
        let error = failure(code)
        #expect(error?.message == .unwrappedNil)
        #expect(error?.offset == code.utf8Offset(of: "!"))
    }

    @Test func optionalChainingOnNil() throws {
        let code = """
        class Shape { var dims = [2, 3] }
        var s: Shape? = nil
        print(s?.dims.count ?? 0)
        s = Shape()
        print(s?.dims.count ?? 0)
        """
        #expect(try output(code) == "0\n2\n")
    }

    @Test func optionalLetPropertyFromTernary() throws {
        let code = """
        class Conv { let k: Int; init(_ k: Int) { self.k = k } }
        class Block {
            let conv3: Conv?
            init(use: Bool) { conv3 = use ? Conv(1) : nil }
            func describe() -> String {
                if let conv3 = conv3 { return "conv \\(conv3.k)" }
                return "none"
            }
        }
        print(Block(use: true).describe(), Block(use: false).describe())
        """
        #expect(try output(code) == "conv 1 none\n")
    }
}
