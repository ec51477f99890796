import LitNN
import Testing

@Suite struct ClassesTests {
    @Test func computedProperties() throws {
        let code = """
        class Shape {
            let width: Int
            init(_ width: Int) { self.width = width }
            var area: Int { width * width }
            var summary: String {
                let kind = area > 10 ? "big" : "small"
                return "\\(kind) \\(width)"
            }
        }
        class Wide: Shape {
            override var area: Int { 2 * width * width }
        }
        print(Shape(3).area, Shape(3).summary, Wide(3).area, Wide(3).summary)
        """
        #expect(try output(code) == "9 small 3 18 big 3\n")
        let getOnly = failure(code, "Shape(1).area = 4")
        #expect(getOnly?.message == .getOnlyProperty("area"))
        #expect(getOnly?.message.description == "cannot assign to property: 'area' is a get-only property")
    }

    @Test func storedPropertiesDefaultsInitAndMethods() throws {
        let code = """
        class Account {
            let owner: String
            var balance: Double = 0
            var history: [Double] = []
            init(owner: String, deposit: Double) {
                self.owner = owner
                balance = deposit
                history.append(deposit)
            }
            func deposit(_ amount: Double) {
                balance += amount
                self.history.append(amount)
            }
            func summary() -> String { "\\(owner): \\(balance) after \\(history.count)" }
        }
        let account = Account(owner: "Ann", deposit: 10)
        account.deposit(2.5)
        print(account.summary())
        account.balance
        """
        #expect(try output(code) == "Ann: 12.5 after 2\n12.5\n")
    }

    @Test func integerLiteralAssignedToDoubleFieldInInit() throws {
        let code = """
        class Point {
            var x: Double
            var y: Double
            init() {
                x = 1
                self.y = 2
            }
        }
        let p = Point()
        print(p.x, p.y)
        """
        #expect(try output(code) == "1.0 2.0\n")
    }

    @Test func subclassingWithOverrideAndSuper() throws {
        let code = """
        class Animal {
            var name: String
            init(name: String) { self.name = name }
            func speak() -> String { "\\(name) makes a sound" }
        }
        class Dog: Animal {
            var tricks = 0
            init(name: String, tricks: Int) {
                self.tricks = tricks
                super.init(name: name)
            }
            override func speak() -> String { super.speak() + " (woof, \\(tricks) tricks)" }
        }
        let animals: [Animal] = [Animal(name: "Cat"), Dog(name: "Rex", tricks: 3)]
        for a in animals { print(a.speak()) }
        """
        #expect(try output(code) == "Cat makes a sound\nRex makes a sound (woof, 3 tricks)\n")
    }

    @Test func callAsFunction() throws {
        let code = """
        class Scale {
            let factor: Int
            init(_ factor: Int) { self.factor = factor }
            func callAsFunction(_ x: Int) -> Int { x * factor }
        }
        let triple = Scale(3)
        triple(5)
        """
        #expect(try output(code) == "15\n")
    }

    @Test func moduleSubclassForwardsCalls() throws {
        let code = """
        class AddBias: Module {
            var bias: Double
            init(_ bias: Double) {
                self.bias = bias
                super.init()
            }
            override func forward(_ x: Double) -> Double {
                isTraining ? x + bias : x
            }
        }
        let layer = AddBias(0.5)
        print(layer(1.0), layer.isTraining)
        layer.eval()
        print(layer(1.0), layer.isTraining)
        layer.train()
        layer(2.0)
        """
        #expect(try output(code) == "1.5 true\n1.0 false\n2.5\n")
    }

    @Test func subclassOfCellClassDeclaredInEarlierCell() throws {
        let texts = try outputs(
            "class Base: Module {\n    override func forward(_ x: Int) -> Int { x + 1 }\n}",
            "class Twice: Base {\n    override func forward(_ x: Int) -> Int { super.forward(x) * 2 }\n}\nTwice()(3)")
        #expect(texts[1] == "8\n")
    }

    @Test func objectsAreReferences() throws {
        let code = """
        class Box { var value = 0 }
        let a = Box()
        let b = a
        b.value = 7
        print(a.value, a === b)
        """
        #expect(try output(code) == "7 true\n")
    }

    @Test func optionalPropertiesAndChaining() throws {
        let code = """
        class Node {
            var value: Int
            var next: Node?
            init(_ value: Int, next: Node? = nil) {
                self.value = value
                self.next = next
            }
        }
        let list = Node(1, next: Node(2))
        print(list.next?.value ?? -1, list.next?.next?.value ?? -1)
        if let second = list.next { print("second is", second.value) }
        """
        #expect(try output(code) == "2 -1\nsecond is 2\n")
    }

    @Test func methodsSeeInstanceStateWithoutSelf() throws {
        let code = """
        class Counter {
            var count = 0
            func bump() { count += 1 }
            func bumpTwice() { bump(); bump() }
        }
        let c = Counter()
        c.bumpTwice()
        c.count
        """
        #expect(try output(code) == "2\n")
    }

    @Test func letPropertyCannotBeReassignedOutsideInit() {
        let error = failure("class A { let v = 1 }\nlet a = A()\na.v = 2")
        #expect(error?.message == .assignToConstant("A.v"))
    }
}

@Suite struct ClassMethodCallTests {
    @Test func letBoundObjectWithAppendMethod() throws {
        let code = """
        class Log {
            var lines: [String] = []
            func append(_ line: String) { lines.append(line) }
            func dump() -> String { lines.joined(separator: "|") }
        }
        let log = Log()
        log.append("a")
        log.append("b")
        log.dump()
        """
        #expect(try output(code) == "a|b\n")
    }

    @Test func methodReadsTheGlobalItIsCalledThrough() throws {
        let code = """
        class Bag {
            var items: [Int] = []
            var offset: () -> Int = { 0 }
            func append(_ x: Int) { items.append(x + offset()) }
        }
        var bag = Bag()
        bag.offset = { bag.items.count }
        bag.append(10)
        bag.append(10)
        bag.items
        """
        #expect(try output(code) == "[10, 11]\n")
    }

    @Test func keywordArgumentLabels() throws {
        #expect(try output("func index(of x: Int, in xs: [Int]) -> Int { xs.firstIndex(of: x) ?? -1 }\nindex(of: 3, in: [1, 3])") == "1\n")
    }
}
