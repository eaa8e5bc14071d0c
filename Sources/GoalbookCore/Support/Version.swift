/// Goalbook's own version, printed by `goalbook --version`.
public enum GoalbookVersion {
    public static let string = "0.1.0"
}
