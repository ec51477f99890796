import LitDiagnostics
import LitLanguage
import LitTensor

/// How the library hands its errors to the interpreter: as the language's `.library`
/// message, positioned at the call by the interpreter.
extension LanguageError {
    package static func library(_ error: LibraryError) -> LanguageError {
        .here(.library(error))
    }
}

/// Runs a library operation, turning its error into a cell diagnostic at the call.
package func libraryOperation<T, Failure: ErrorMessage>(_ body: () throws(Failure) -> T) throws(LanguageError) -> T {
    do { return try body() } catch { throw .here(.library(error)) }
}

/// Runs a tensor operation, turning its error into a cell diagnostic at the call.
package func tensorOperation<T>(_ body: () throws(TensorError) -> T) throws(LanguageError) -> T {
    try libraryOperation(body)
}
