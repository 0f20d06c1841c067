namespace Reconciler.Cli.Tests.Support;

/// <summary>A fact skipped, with the reason shown, where the CLI cannot be run without root's file privileges (<see cref="UnprivilegedUser"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (UnprivilegedUser.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
