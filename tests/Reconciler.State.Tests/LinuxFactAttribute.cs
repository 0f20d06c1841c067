using Xunit;

namespace Reconciler.State.Tests;

/// <summary>A fact skipped, with the reason shown, off Linux (file modes, setfsuid, /proc).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "tested on Linux only (file modes and setfsuid)";
        }
    }
}
