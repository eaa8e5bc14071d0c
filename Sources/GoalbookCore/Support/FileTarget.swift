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
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Writes `file`'s data to disk and then the folder's entry for it, so a rename into place
    /// survives a crash.
    static func sync(file path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        let folder = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                          O_RDONLY | O_CLOEXEC)
        if folder >= 0 { fsync(folder); close(folder) }
    }
}
