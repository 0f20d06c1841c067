namespace Reconciler.Service.Tests.Support;

/// <summary>A fact skipped, with the reason shown, where a tmpfs cannot be mounted (see <see cref="TmpfsMount"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresTmpfsFactAttribute : FactAttribute
{
    public RequiresTmpfsFactAttribute()
    {
        if (TmpfsMount.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
