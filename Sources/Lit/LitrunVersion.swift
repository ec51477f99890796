/// litrun's version, shown by `--version` and part of every snapshot's key.
public enum LitrunVersion {
    public static let current = "0.13.0"
}
