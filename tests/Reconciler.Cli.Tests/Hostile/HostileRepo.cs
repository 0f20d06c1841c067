using System.Text;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>A working directory with <c>repo/tasks/valid.yaml</c> (task <c>hostile-valid</c>) and helpers to add hostile entries.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class HostileRepo : IDisposable
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    private readonly TestDirectory _directory = new();
    private readonly List<IDisposable> _kept = [];

    public HostileRepo() => Write("tasks/valid.yaml", Valid("hostile-valid", name: "有效任务"));

    /// <summary>The working directory (the CLI runs here and is given <c>repo</c>).</summary>
    public string WorkingDirectory => _directory.Path;

    /// <summary>The full path of a file under <c>repo/</c>.</summary>
    public string Path(string relative) => _directory.Combine(System.IO.Path.Combine("repo", relative));

    /// <summary>Keeps something alive until the repository is disposed (a listening socket's file lives as long as it).</summary>
    public void Keep(IDisposable resource) => _kept.Add(resource);

    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] content)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>A valid 新版 manifest; <paramref name="spec"/> and <paramref name="extras"/> add or override lines.</summary>
    public static string Manifest(string taskId, string name = "任务", string spec = "", string extras = "", string metadata = "", string userId = UserId) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {userId}
          task_id: {taskId}{metadata}
        spec:
          name: {name}
          destination_extension: 123
          dial_time_id: 123{spec}
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1{extras}

        """;

    /// <summary><see cref="Manifest"/> with <c>maximumcall: 2</c> (the tests that write their own maximumcall leave it out).</summary>
    public static string Valid(string taskId, string name = "任务", string spec = "", string extras = "", string metadata = "") =>
        Manifest(taskId, name, "\n  maximumcall: 2" + spec, extras, metadata);

    /// <summary>Makes every directory readable and traversable by any user (for unprivileged runs).</summary>
    public void OpenUp()
    {
        File.SetUnixFileMode(_directory.Path, (UnixFileMode)0x1ED);
        foreach (var directory in Directory.EnumerateDirectories(_directory.Path, "*", SearchOption.AllDirectories))
        {
            if ((File.GetUnixFileMode(directory) & UnixFileMode.UserRead) != 0)
            {
                File.SetUnixFileMode(directory, (UnixFileMode)0x1ED);
            }
        }
    }

    public void Dispose()
    {
        _kept.ForEach(k => k.Dispose());
        foreach (var directory in Directory.EnumerateDirectories(_directory.Path, "*", SearchOption.AllDirectories))
        {
            try
            {
                File.SetUnixFileMode(directory, (UnixFileMode)0x1ED);
            }
            catch (IOException)
            {
                // A name .NET cannot spell back (not UTF-8): rm -rf below removes it anyway.
            }
        }

        Reconciler.Testing.Files.SpecialFiles.DeleteTree(_directory.Path);
        _directory.Dispose();
    }
}
