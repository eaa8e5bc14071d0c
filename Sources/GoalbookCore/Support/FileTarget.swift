import Foundation

/// What stands at a path a command is about to write, looked at without following a link, so a
/// command that replaces a file never replaces, or deletes, what it must not.
public enum FileTarget: Equatable {
    case missing
    /// A regular file, with its device and inode (to tell whether two paths are one file).
    case regularFile(device: UInt64, inode: UInt64)
    case directory
    case symbolicLink
    /// A FIFO, a device node or a socket.
    case special

    /// What is at `path` now.
    public static func at(_ path: String) -> FileTarget {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .special
        }
    }

    /// Whether `a` and `b` name the same file, however they are spelled (links, `..`).
    public static func same(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// A hidden temporary name beside `path` (same folder, so a rename into place is atomic):
    /// `.report.txt.goalbook-<pid>.tmp`, or `…goalbook-<label>-<pid>.tmp`.
    static func temporary(beside path: String, label: String? = nil) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "" : folder + "/")
            + ".\((path as NSString).lastPathComponent).goalbook-\(label.map { $0 + "-" } ?? "")\(getpid()).tmp"
    }

    /// Writes `file`'s data to disk and then the folder's entry for it, so a rename into place
    /// survives a crash.
    static func sync(file path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        let folder = open(
            (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
            O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }
}

/// Writes a file that a command renders (`report -o`, `templates print -o`) without ever
/// destroying what is there: the database and its -wal, -shm and -journal are refused however
/// they are named; a folder, a socket or a block device is refused; a FIFO or a character device
/// (`/dev/stdout`, a terminal) is written into where it is; a regular file (new or replaced) is
/// written beside itself, synced and renamed into place, keeping the mode of the file it replaces
/// (0600 for a new one, since reports hold personal data). Every write is checked: a failure
/// leaves no partial file and the old one as it was.
public enum FileWriter {
    public static func write(to path: String, protecting database: String?, _ render: (TextSink) -> Void) throws {
        if let database {
            for own in [database, database + "-wal", database + "-shm", database + "-journal"]
            where FileTarget.same(path, own) || canonical(path) == canonical(own) {
                throw GoalbookError.refused(
                    "\(path) is \(own == database ? "the database itself" : "the database's \(own.dropFirst(database.count)) file"); "
                        + "it was left untouched (write to another file)")
            }
        }
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure(path, errno) }
            if FileTarget.at(path) == .symbolicLink { throw GoalbookError.refused("\(path) is a link to nothing; it was left untouched") }
            return try replace(path, mode: 0o600, render)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw GoalbookError.refused("\(path) is a folder; it was left untouched (name a file)")
        case S_IFIFO, S_IFCHR: return try writeInPlace(path, render)
        case S_IFREG:
            // /dev/stdout and /proc/self/fd/1 lead to the file the shell opened: write into it.
            if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return try writeInPlace(path, render) }
            let resolved = canonical(path)
            return try replace(resolved, mode: mode_t(info.st_mode & 0o7777), render)
        default: throw GoalbookError.refused("\(path) is a block device or a socket; it was left untouched")
        }
    }

    /// The path with its folder resolved (links, `..`), so two names of one file compare equal even
    /// when the file does not exist yet.
    static func canonical(_ path: String) -> String {
        if let full = realpath(path, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + (path as NSString).lastPathComponent
    }

    private static func writeInPlace(_ path: String, _ render: (TextSink) -> Void) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        if let code = stream(fd, render) { throw failure(path, code) }
    }

    private static func replace(_ path: String, mode: mode_t, _ render: (TextSink) -> Void) throws {
        let temporary = FileTarget.temporary(beside: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path, errno, folderMissing: errno == ENOENT) }
        fchmod(fd, mode)
        var code = stream(fd, render)
        if code == nil && fsync(fd) != 0 { code = errno }
        if close(fd) != 0 && code == nil { code = errno }
        if code == nil && rename(temporary, path) != 0 { code = errno }
        if let code {
            unlink(temporary)
            throw failure(path, code)
        }
        FileTarget.sync(file: path)
    }

    /// Streams `render`'s text to `fd`; returns the errno of the first write that failed.
    private static func stream(_ fd: Int32, _ render: (TextSink) -> Void) -> Int32? {
        var failed: Int32?
        let sink = TextSink(bytes: { bytes in
            guard failed == nil else { return }
            failed = writeAll(fd, bytes)
        })
        render(sink)
        sink.flush()
        return failed
    }

    /// Writes all of `text` to `fd`, retrying short writes; returns errno on failure.
    public static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes; returns errno on failure.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    private static func failure(_ path: String, _ code: Int32, folderMissing: Bool = false) -> GoalbookError {
        if folderMissing { return .cannotWrite(path: path, reason: "its folder does not exist") }
        return .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }
}
