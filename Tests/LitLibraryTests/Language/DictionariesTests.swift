import Testing

@Suite struct DictionariesTests {
    @Test func printsInInsertionOrderAsSwiftSpellsIt() throws {
        #expect(try output("var d = [\"b\": 2, \"a\": 1]\nd[\"c\"] = 3\nd[\"b\"] = nil\nlet e: [String: Int] = [:]\nprint(d, e, d.keys)")
                == "[\"a\": 1, \"c\": 3] [:] [\"a\", \"c\"]\n")
    }

    @Test func valueSemanticsAndEquality() throws {
        #expect(try output("var a = [1: \"x\"]\nvar b = a\nb[2] = \"y\"\nprint(a.count, b.count, a == [1: \"x\"], b == a)")
                == "1 2 true false\n")
    }

    @Test func typedDictionariesAdaptLiterals() throws {
        #expect(try output("let rates: [String: Double] = [\"lr\": 1]\nprint(rates)") == "[\"lr\": 1.0]\n")
        #expect(failure("let d: [String: Int] = [\"a\": \"b\"]")?.message
                == .cannotConvert(from: "[String: String]", to: "[String: Int]"))
    }

    @Test func badKeysAreClearErrors() {
        let arrayKey = failure("let d = [[1]: 2]")
        #expect(arrayKey?.message == .invalidDictionaryKey(type: "[Int]"))
        #expect(arrayKey?.message.description == "dictionary keys must be Int, Double, Bool or String, not '[Int]'")
        let duplicate = failure("let d = [\"a\": 1, \"a\": 2]")
        #expect(duplicate?.message == .duplicateDictionaryKey("\"a\""))
        #expect(duplicate?.message.description == "dictionary literal contains duplicate key \"a\"")
        #expect(failure("var d = [\"a\": 1]\nd.removeValue(\"a\")")?.message
                == .wrongArgumentLabels(callee: "removeValue", expected: "removeValue(forKey:)", found: "removeValue(_:)"))
    }
}
