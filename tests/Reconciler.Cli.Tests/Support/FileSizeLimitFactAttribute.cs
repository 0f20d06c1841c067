namespace Reconciler.Cli.Tests.Support;

/// <summary>A fact skipped, with the reason shown, where the CLI cannot be run under a file-size limit (<see cref="FileSizeLimit"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FileSizeLimitFactAttribute : FactAttribute
{
    public FileSizeLimitFactAttribute()
    {
        if (FileSizeLimit.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
