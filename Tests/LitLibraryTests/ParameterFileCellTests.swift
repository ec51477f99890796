import Foundation
import LitData
import LitLanguage
import LitLibrary
import LitTensor
import LitTestSupport
import Testing

/// `save`, `load`, `stateDict()` and `loadStateDict(_:)` in cells, as the course's chapter
/// on reading and writing files uses them, and the assets folder as their only place.
@Suite struct ParameterFileCellTests {
    /// A chapter folder beside a secret; the session keeps what cells save in memory.
    struct Folder {
        let home: URL
        let root: URL
        var assets: URL { root.appendingPathComponent("chapter.assets") }
        var secret: URL { home.appendingPathComponent("secret.params") }

        init() throws {
            home = try TestPaths.temporaryDirectory()
            root = home.appendingPathComponent("course")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: secret)
        }

        func session(budget: Budget? = nil) -> ChapterSession {
            let session = ChapterSession(seed: 0, settings: LibrarySettings(budget: budget))
            session.files = ChapterFolder(root)
            return session
        }

        /// Every file under the home folder, with its contents.
        func files() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: home.path) {
                let url = home.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: url)
                }
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: home) }
    }

    static func outcome(_ code: String, in session: ChapterSession, cell: Int = 1) -> String {
        do {
            return try session.run(code, cell: cell).text
        } catch {
            return "error: \(error.message)"
        }
    }

    @Test func aStateDictRoundTripsIntoAFreshNetwork() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let session = folder.session()
        let output = Self.outcome("""
            let net = Sequential(Linear(20, 256), ReLU(), Linear(256, 10))
            let X = randn(2, 20)
            let Y = net(X)
            save(net.stateDict(), "mlp.params")
            let clone = Sequential(Linear(20, 256), ReLU(), Linear(256, 10))
            print((clone(X) .== Y).mean().item() < 1)
            clone.loadStateDict(load("mlp.params"))
            print((clone(X) .== Y).mean().item())
            print(Array(load("mlp.params").keys))
            print(net.stateDict()["0.weight"]!.shape, net.stateDict()["2.bias"]!.requiresGrad)
            """, in: session)
        #expect(output == "true\n1.0\n[\"0.weight\", \"0.bias\", \"2.weight\", \"2.bias\"]\n[256, 20] false\n")
        // Kept for the runner to write after the run; nothing is on disk yet.
        #expect(session.assets.map(\.path) == ["chapter.assets/mlp.params"])
        #expect(try folder.files().keys.sorted() == ["secret.params"])
    }

    @Test func batchNormsRunningStatisticsTravelWithTheParameters() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let output = Self.outcome("""
            let net = Sequential(Linear(4, 8), BatchNorm1d(8), ReLU(), Linear(8, 2))
            let X = randn(16, 4)
            let _ = net(X)
            net.eval()
            save(net.stateDict(), "bn.params")
            for (name, t) in net.stateDict() { print(name, t.shape) }
            let clone = Sequential(Linear(4, 8), BatchNorm1d(8), ReLU(), Linear(8, 2))
            clone.eval()
            clone.loadStateDict(load("bn.params"))
            print((clone(X) .== net(X)).mean().item())
            """, in: folder.session())
        #expect(output == """
            0.weight [8, 4]
            0.bias [8]
            1.weight [8]
            1.bias [8]
            1.running_mean [8]
            1.running_var [8]
            3.weight [2, 8]
            3.bias [2]
            1.0

            """)
    }

    /// A cell class's own parameters come first, then its children's; a tensor that is
    /// not a `Parameter` is no part of it, as a plain attribute is not in PyTorch's.
    @Test func aCellClassesStateDictIsNamedAsPyTorchNamesIt() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let output = Self.outcome("""
            class MLP: Module {
                let hidden = Linear(4, 8)
                let bn = BatchNorm1d(8)
                let output = Linear(8, 2)
                let scale = Parameter(ones(1))
                let notState = zeros(3)
                override func forward(_ X: Tensor) -> Tensor { output(relu(bn(hidden(X)))) * scale }
            }
            let net = MLP()
            let X = randn(5, 4)
            let _ = net(X)
            net.eval()
            print(Array(net.stateDict().keys))
            save(net.stateDict(), "mlp.params")
            let clone = MLP()
            clone.eval()
            clone.loadStateDict(load("mlp.params"))
            print((clone(X) .== net(X)).mean().item())
            """, in: folder.session())
        #expect(output == """
            ["scale", "hidden.weight", "hidden.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", \
            "output.weight", "output.bias"]
            1.0

            """)
    }

    @Test func aTensorAnArrayAndADictionaryRoundTrip() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let output = Self.outcome("""
            let x = arange(4)
            save(x, "x-file")
            print(load("x-file"))
            let y = zeros(4)
            save([x, y], "x-files")
            let xy = load("x-files")
            print(xy.count, xy[0].shape, xy[1].sum().item())
            let mydict = ["x": x, "y": y]
            save(mydict, "mydict")
            let mydict2 = load("mydict")
            print(Array(mydict2.keys), mydict2["x"]!.sum().item())
            save([], "nothing")
            print(load("nothing").count)
            // Saved values are the values at the time of saving.
            x += 1
            print(load("x-file").sum().item())
            save(x, "x-file")
            print(load("x-file").sum().item())
            """, in: folder.session())
        #expect(output == "tensor([0., 1., 2., 3.])\n2 [4] 0.0\n[\"x\", \"y\"] 6.0\n0\n6.0\n10.0\n")
    }

    @Test func savingAgainReplacesTheFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let session = folder.session()
        _ = Self.outcome("save(zeros(2), \"a.params\")", in: session, cell: 1)
        #expect(Self.outcome("save(ones(3), \"a.params\")\nprint(load(\"a.params\").shape)", in: session, cell: 2) == "[3]\n")
        #expect(session.assets.map(\.path) == ["chapter.assets/a.params"])
    }

    static let refusals: [(code: String, error: String)] = [
        ("load(\"never.params\")",
         "no file 'never.params' in the chapter's assets folder 'chapter.assets'; save it there first with save(value, \"never.params\")"),
        ("save(zeros(2), \"\")", "\(AssetFileError.emptyName)"),
        ("save(zeros(2), \"../x.params\")", "\(AssetFileError.parentDirectory("../x.params"))"),
        ("load(\"../secret.params\")", "\(AssetFileError.parentDirectory("../secret.params"))"),
        ("save(zeros(2), \"/tmp/x.params\")", "\(AssetFileError.absolutePath("/tmp/x.params"))"),
        ("save(zeros(2), \"sub/x.params\")", "\(AssetFileError.subfolder("sub/x.params"))"),
        ("save(zeros(2), \"cell-1-training.svg\")",
         "'cell-1-training.svg' cannot name a saved file: names that start with 'cell-' are the figures'; choose another name"),
        ("save(zeros(2), \"mlp-quick.params\")",
         "'mlp-quick.params' cannot name a saved file: names that end in '-quick' are the files of quick runs; choose another name"),
        ("save(3, \"x\")",
         "'save' keeps a Tensor, an array of tensors or a [String: Tensor] dictionary such as net.stateDict(), not 'Int'"),
        ("save([\"a\": 1], \"x\")",
         "'save' keeps a Tensor, an array of tensors or a [String: Tensor] dictionary such as net.stateDict(), not '[String: Int]'"),
        ("save(zeros(2), 3)", "cannot convert value of type 'Int' to expected type 'String'"),
    ]

    @Test(arguments: refusals)
    func badNamesAndValuesAreRefused(code: String, error: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let session = folder.session()
        #expect(Self.outcome(code, in: session) == "error: \(error)")
        #expect(session.assets.isEmpty)
        #expect(try folder.files().keys.sorted() == ["secret.params"])
    }

    @Test func loadStateDictNamesWhatDoesNotFit() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let session = folder.session()
        _ = Self.outcome("let net = Sequential(Linear(4, 8), ReLU(), Linear(8, 3))\nvar sd = net.stateDict()", in: session)
        let cases: [(code: String, error: String)] = [
            ("sd.removeValue(forKey: \"2.bias\")\nnet.loadStateDict(sd)",
             "the state dict does not fit Sequential: missing key \"2.bias\" that Sequential has; its keys must be exactly those of stateDict()"),
            ("sd = net.stateDict()\nsd[\"4.weight\"] = zeros(1)\nnet.loadStateDict(sd)",
             "the state dict does not fit Sequential: unexpected key \"4.weight\" that Sequential does not have; "
                 + "its keys must be exactly those of stateDict()"),
            ("sd = net.stateDict()\nsd[\"0.weight\"] = zeros(4, 8)\nnet.loadStateDict(sd)",
             "the state dict's \"0.weight\" has shape [4, 8], but Sequential's has shape [8, 4]"),
            ("net.loadStateDict([\"0.weight\": 1])",
             "'loadStateDict' takes a [String: Tensor] dictionary such as load(\"mlp.params\"), but \"0.weight\" holds a value of type 'Int'"),
            ("net.loadStateDict(5)",
             "'loadStateDict' takes a [String: Tensor] dictionary such as load(\"mlp.params\"), not 'Int'"),
            ("save(zeros(2), \"t.params\")\nnet.loadStateDict(load(\"t.params\"))",
             "'loadStateDict' takes a [String: Tensor] dictionary such as load(\"mlp.params\"), not 'Tensor'"),
        ]
        for (index, (code, error)) in cases.enumerated() {
            #expect(Self.outcome(code, in: session, cell: index + 2) == "error: \(error)")
        }
    }

    /// A link in the assets folder, or the assets folder itself as a link, is refused for
    /// saving and loading wherever it points, and nothing outside the folder changes.
    @Test(arguments: ["file", "folder"])
    func linksAreNeverFollowed(_ linked: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let error: AssetFileError
        if linked == "file" {
            try FileManager.default.createDirectory(at: folder.assets, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.assets.appendingPathComponent("mlp.params").path,
                                                       withDestinationPath: folder.secret.path)
            error = .linkedFile("chapter.assets/mlp.params")
        } else {
            try FileManager.default.copyItem(at: folder.secret, to: folder.home.appendingPathComponent("mlp.params"))
            try FileManager.default.createSymbolicLink(atPath: folder.assets.path, withDestinationPath: folder.home.path)
            error = .linkedFolder("chapter.assets")
        }
        let before = try folder.files()
        let session = folder.session()
        #expect(Self.outcome("save(zeros(2), \"mlp.params\")", in: session) == "error: \(error)")
        #expect(Self.outcome("load(\"mlp.params\")", in: session) == "error: \(error)")
        #expect(session.assets.isEmpty)
        #expect(try folder.files() == before)
    }

    @Test func aDirectoryIsNotAFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.assets.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let session = folder.session()
        #expect(Self.outcome("save(zeros(2), \"sub\")", in: session) == "error: \(AssetFileError.notAFile("chapter.assets/sub"))")
        #expect(Self.outcome("load(\"sub\")", in: session) == "error: \(AssetFileError.notAFile("chapter.assets/sub"))")
    }

    @Test func aFileOnDiskIsLoadedAndJoinsTheRunsRecord() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.assets, withIntermediateDirectories: true)
        try Data(ParameterFile.encode(.tensor(Tensor(shape: [2], scalars: [4, 5])), name: "w.params"))
            .write(to: folder.assets.appendingPathComponent("w.params"))
        try Data("not parameters".utf8).write(to: folder.assets.appendingPathComponent("bad.params"))
        let session = folder.session()
        #expect(Self.outcome("print(load(\"w.params\"))", in: session) == "tensor([4., 5.])\n")
        #expect(session.filesRead.keys.sorted() == ["chapter.assets/w.params"])
        #expect(Self.outcome("load(\"bad.params\")", in: session) == "error: \(ParameterFileError.notAParameterFile(name: "bad.params"))")
    }

    /// A quick run keeps its own `-quick` files, as its figures, and may read a full run's.
    @Test func aQuickRunNamesItsFilesApart() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.assets, withIntermediateDirectories: true)
        try Data(ParameterFile.encode(.tensor(Tensor(shape: [1], scalars: [9])), name: "mlp.params"))
            .write(to: folder.assets.appendingPathComponent("mlp.params"))
        let session = folder.session(budget: .quick)
        #expect(Self.outcome("print(load(\"mlp.params\"))", in: session, cell: 1) == "tensor([9.])\n")
        #expect(session.filesRead.keys.sorted() == ["chapter.assets/mlp.params"])
        #expect(Self.outcome("save(zeros(2), \"mlp.params\")\nprint(load(\"mlp.params\"))\nsave(ones(1), \"x-file\")", in: session, cell: 2)
                == "tensor([0., 0.])\n")
        #expect(session.assets.map(\.path) == ["chapter.assets/mlp-quick.params", "chapter.assets/x-file-quick"])
    }
}
