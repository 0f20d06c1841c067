using Reconciler.Testing.Files;
using static Reconciler.Cli.Tests.Hostile.HostileRepo;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>Entries that are not plain readable files: never opened, never waited on, always named.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class FileSystemCases
{
    public static IEnumerable<HostileCase> All()
    {
        yield return new("fifo named .yaml", r => SpecialFiles.MakeFifo(r.Path("tasks/fifo.yaml")), 1, "repo/tasks/fifo.yaml");
        yield return new("fifo named .yml in a subdirectory", r => { Directory.CreateDirectory(r.Path("tasks/deep")); SpecialFiles.MakeFifo(r.Path("tasks/deep/pipe.yml")); }, 1, "repo/tasks/deep/pipe.yml");
        yield return new("character device (like /dev/zero)", r => SpecialFiles.MakeZeroDevice(r.Path("tasks/zero.yaml")), 1, "repo/tasks/zero.yaml") { NeedsRoot = true };
        yield return new("socket named .yaml", r => r.Keep(SpecialFiles.MakeSocket(r.Path("tasks/socket.yaml"))), 1, "repo/tasks/socket.yaml");
        yield return new("symbolic link to a fifo", r => { SpecialFiles.MakeFifo(r.Path("pipe")); File.CreateSymbolicLink(r.Path("tasks/link.yaml"), r.Path("pipe")); }, 1, "repo/tasks/link.yaml");
        yield return new("dangling symbolic link", r => File.CreateSymbolicLink(r.Path("tasks/gone.yaml"), r.Path("tasks/moved.yaml")), 1, "repo/tasks/gone.yaml");
        yield return new("symbolic link leading outside", r => File.CreateSymbolicLink(r.Path("tasks/passwd.yaml"), "/etc/passwd"), 1, "repo/tasks/passwd.yaml");
        yield return new("symbolic link loop", r => { File.CreateSymbolicLink(r.Path("tasks/a.yaml"), r.Path("tasks/b.yaml")); File.CreateSymbolicLink(r.Path("tasks/b.yaml"), r.Path("tasks/a.yaml")); }, 1, "repo/tasks/a.yaml");
        yield return new("unreadable file", r => File.SetUnixFileMode(r.Write("tasks/locked.yaml", Valid("locked")), UnixFileMode.None), 1, "repo/tasks/locked.yaml:1:1: error: cannot read file: cannot open the file: permission denied") { Unprivileged = true };
        yield return new("unreadable directory", r => { r.Write("tasks/secret/a.yaml", Valid("secret")); File.SetUnixFileMode(r.Path("tasks/secret"), UnixFileMode.None); }, 1, "repo/tasks/secret/") { Unprivileged = true };
        yield return new("file name not valid UTF-8", r => SpecialFiles.WriteWithRawName(r.Path("tasks"), [0x62, 0xFF, .. ".yaml"u8], Valid("bad-name")), 1, "repo/tasks/b\uFFFD.yaml");
        yield return new("directory name not valid UTF-8", r => SpecialFiles.MakeRawDirectory(r.Path("tasks"), [0xC3, 0x28], "a.yaml", Valid("in-raw-dir")), 1, "repo/tasks/\uFFFD(/");
        yield return new("newline in a file name", r => r.Write("tasks/new\nline.yaml", "kind: [\n"), 1, "repo/tasks/new\\nline.yaml:");
        yield return new("escape sequence in a file name", r => r.Write("tasks/\u001b[2Jclear.yaml", "kind: [\n"), 1, "repo/tasks/\\x1B[2Jclear.yaml:")
        {
            Also = AssertNoRawControls,
        };
        yield return new("right-to-left override in a file name", r => r.Write("tasks/evil\u202Elmay.yaml", "kind: [\n"), 1, "repo/tasks/evil\\u202Elmay.yaml:") { Also = AssertNoRawControls };
        yield return new("settings file is a fifo", r => SpecialFiles.MakeFifo(r.Path(".reconciler.yaml")), 1, "repo/.reconciler.yaml");
        yield return new("upper-case .YAML is a manifest", r => r.Write("tasks/UPPER.YAML", Valid("upper", name: "大写")), 0, "+ adopt     大写 (upper)  repo/tasks/UPPER.YAML");
        yield return new("mixed-case .Yml is a manifest", r => r.Write("tasks/mixed.Yml", Valid("mixed", name: "混合")), 0, "repo/tasks/mixed.Yml");
    }

    public static void AssertNoRawControls(Support.CliResult result)
    {
        var all = result.Out + result.Error;
        var bad = all.Where(c => (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f' || c is '\u202e' or '\u2066').ToList();
        Assert.True(bad.Count == 0, $"raw control characters {string.Join(", ", bad.Select(c => $"U+{(int)c:X4}"))}:\n{result}");
    }
}
