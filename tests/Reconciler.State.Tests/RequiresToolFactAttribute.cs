using Xunit;

namespace Reconciler.State.Tests;

/// <summary>A fact that is skipped, with the reason shown, when a command-line tool is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string package)
    {
        Tool = tool;
        if (!OnPath(tool))
        {
            Skip = $"'{tool}' is not installed (Debian package {package}); this test needs it to hold a lock from another process";
        }
    }

    public string Tool { get; }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
