import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// PostgreSQL's own client library, libpq, loaded on first use of a `postgres://` database.
///
/// Loaded with `dlopen`, not linked: the SQLite binary stays one self-contained file that starts
/// without libpq, builds need no PostgreSQL headers, and only a PostgreSQL user needs libpq5
/// (which `apt-get install postgresql-client` brings). These are the few calls Goalbook makes, in
/// the text protocol: parameters go as text, results come as text.
struct LibPQ: @unchecked Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer

    let connectdbParams: @convention(c) (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> Connection?
    let status: @convention(c) (Connection?) -> Int32
    let errorMessage: @convention(c) (Connection?) -> UnsafePointer<CChar>?
    let finish: @convention(c) (Connection?) -> Void
    let exec: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    let execParams:
        @convention(c) (
            Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?,
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
        ) -> Result?
    let resultStatus: @convention(c) (Result?) -> Int32
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafePointer<CChar>?
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let fname: @convention(c) (Result?, Int32) -> UnsafePointer<CChar>?
    let ftype: @convention(c) (Result?, Int32) -> UInt32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafePointer<CChar>?
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let clear: @convention(c) (Result?) -> Void

    // Values of libpq-fe.h's enums and field codes.
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1
    static let tuplesOK: Int32 = 2
    static let fieldSQLState = Int32(UInt8(ascii: "C"))
    static let fieldMessage = Int32(UInt8(ascii: "M"))
    static let fieldConstraint = Int32(UInt8(ascii: "n"))
    static let fieldPosition = Int32(UInt8(ascii: "P"))

    /// The library, loaded once per process; a thrown error says how to install it.
    static func shared() throws -> LibPQ {
        switch loaded {
        case .success(let library): return library
        case .failure(let error): throw error
        }
    }

    private static let loaded: Swift.Result<LibPQ, GoalbookError> = load()

    private static func load() -> Swift.Result<LibPQ, GoalbookError> {
        var handle: UnsafeMutableRawPointer?
        for name in ["libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"] {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            return .failure(
                .cannotOpen(
                    path: "PostgreSQL",
                    reason: "its client library libpq is not installed (on Debian: apt-get install libpq5)"))
        }
        func symbol<F>(_ name: String) throws -> F {
            guard let pointer = dlsym(handle, name) else {
                throw GoalbookError.cannotOpen(path: "PostgreSQL", reason: "the libpq found lacks \(name); install libpq5 10 or newer")
            }
            return unsafeBitCast(pointer, to: F.self)
        }
        do {
            return .success(
                LibPQ(
                    connectdbParams: try symbol("PQconnectdbParams"), status: try symbol("PQstatus"),
                    errorMessage: try symbol("PQerrorMessage"), finish: try symbol("PQfinish"), exec: try symbol("PQexec"),
                    execParams: try symbol("PQexecParams"),
                    resultStatus: try symbol("PQresultStatus"), resultErrorField: try symbol("PQresultErrorField"),
                    ntuples: try symbol("PQntuples"), nfields: try symbol("PQnfields"), fname: try symbol("PQfname"),
                    ftype: try symbol("PQftype"),
                    getvalue: try symbol("PQgetvalue"), getisnull: try symbol("PQgetisnull"),
                    clear: try symbol("PQclear")))
        } catch let error as GoalbookError {
            return .failure(error)
        } catch {
            return .failure(.cannotOpen(path: "PostgreSQL", reason: "\(error)"))
        }
    }
}
