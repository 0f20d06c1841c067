namespace Reconciler.Cli.Tests.Validate;

/// <summary>
/// A fact that needs a native AOT publish: skipped, with the reason shown, without clang (the linker driver the .NET SDK
/// uses on Linux). <c>.ci/run</c> installs it, so CI always runs these.
/// </summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "the native publish is tested on Linux";
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "clang"))))
        {
            Skip = "needs clang for the native AOT publish (apt-get install clang; .ci/run installs it)";
        }
    }
}
