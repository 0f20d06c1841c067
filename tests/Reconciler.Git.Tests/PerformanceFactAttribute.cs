namespace Reconciler.Git.Tests;

/// <summary>A long-running measurement, run only when <c>RECONCILER_PERF_TESTS=1</c>.</summary>
public sealed class PerformanceFactAttribute : FactAttribute
{
    public const string Variable = "RECONCILER_PERF_TESTS";

    public PerformanceFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"a long measurement (10,000 files): set {Variable}=1 to run it";
        }
    }
}
