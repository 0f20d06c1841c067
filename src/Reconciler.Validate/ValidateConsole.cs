namespace Reconciler.Validate;

/// <summary>What the program reads and writes: the process's own, or a test's.</summary>
/// <param name="Environment">Reads one environment variable.</param>
/// <param name="EnvironmentNames">The names of every variable set (per-account API tokens have their own names).</param>
/// <param name="WorkingDirectory">What relative paths are resolved against.</param>
internal sealed record ValidateConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment, IReadOnlyCollection<string> EnvironmentNames, string WorkingDirectory);
