/// What cells reach for that the sandbox does not give them, so that the error says
/// why and what to use instead rather than only "cannot find".
enum Sandbox {
    /// Foundation and C names for files, processes, the environment and the network.
    static let unavailableNames: Set<String> = [
        "FileManager", "FileHandle", "ProcessInfo", "Process", "CommandLine", "Bundle", "URL", "URLSession", "Data",
        "NSString", "getenv", "setenv", "system", "popen", "fopen", "open", "exit", "DispatchQueue", "Thread",
    ]

    /// Initializer labels that read files, as in `String(contentsOfFile:)`.
    static let fileReadingLabels: Set<String> = ["contentsOfFile", "contentsOf"]
}
