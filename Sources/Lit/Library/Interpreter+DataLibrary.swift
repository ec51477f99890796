/// The data functions every chapter sees: `loadFashionMNIST`.
extension Interpreter {
    /// The largest `resize`: 1024×1024 is already far beyond what the course needs.
    static let maximumImageSide = 1024
    /// The most Float values one batch may hold (1 GiB).
    static let maximumBatchValues = 1 << 28

    func installDataLibrary() {
        define("loadFashionMNIST", signatures: [Signature("batchSize", "resize=")]) { (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "loadFashionMNIST")
            let batchSize = try arguments.int("batchSize")
            let resize = arguments.value("resize") == nil ? nil : try arguments.int("resize")
            guard batchSize >= 1 else { throw .library(.batchSizeBelowOne(batchSize)) }
            if let resize, !(1...Interpreter.maximumImageSide).contains(resize) {
                throw .library(.resizeOutOfRange(side: resize, maximum: Interpreter.maximumImageSide))
            }
            let side = resize ?? FashionMNIST.imageSize
            let batchValues = batchSize.multipliedReportingOverflow(by: side * side)
            guard !batchValues.overflow, batchValues.partialValue <= Interpreter.maximumBatchValues else {
                throw .library(.batchTooLarge(batchSize: batchSize, side: side))
            }
            let data = try libraryOperation { () throws(DataError) in
                try FashionMNIST.load(from: interpreter.settings.dataDirectory)
            }
            let budget = interpreter.settings.budget
            let train = DataLoader(data.train, batchSize: batchSize, resize: resize, shuffle: true, seed: interpreter.seed,
                                   sampleSize: budget?.trainingImages)
            let test = DataLoader(data.test, batchSize: batchSize, resize: resize, shuffle: false, seed: interpreter.seed,
                                  sampleSize: budget?.testImages)
            return .tuple([.native(train), .native(test)], labels: nil)
        }
    }
}
