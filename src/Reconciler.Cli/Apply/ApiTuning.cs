using System.Globalization;
using Reconciler.TaskApi;

namespace Reconciler.Cli.Apply;

/// <summary>
/// Environment overrides of the task API client's retry and timeout settings (apply, plan, import and run). The
/// defaults (1 s backoff, 30 s per attempt, 75 s per PUT, 10 s per read) suit the platform; tests and unusual links need other values without a rebuild,
/// and a variable (unlike an option) reaches both an in-process run and a child process the same way.
/// </summary>
internal static class ApiTuning
{
    public const string MaxRetriesVariable = "RECONCILER_API_MAX_RETRIES";
    public const string RetryBaseDelayVariable = "RECONCILER_API_RETRY_BASE_DELAY_MS";
    public const string AttemptTimeoutVariable = "RECONCILER_API_ATTEMPT_TIMEOUT_MS";
    public const string UpdateDeadlineVariable = "RECONCILER_API_UPDATE_DEADLINE_MS";
    public const string ReadTimeoutVariable = "RECONCILER_API_READ_TIMEOUT_MS";

    /// <summary>The help text's description of the variables.</summary>
    public const string Help = $"""
        Client tuning (optional): {MaxRetriesVariable} (retries after the first attempt, default 4),
        {RetryBaseDelayVariable} (first backoff, default 1000, doubling with jitter),
        {AttemptTimeoutVariable} (one attempt, default 30000), {UpdateDeadlineVariable} (one PUT
        in all, default 75000: recorded with its intent), {ReadTimeoutVariable} (one detail read in
        all, default 10000).
        """;

    /// <summary>Reads the variables at once, so a bad value fails before anything is locked or sent.</summary>
    /// <exception cref="CliException">A variable is set to something that is not a number in range.</exception>
    public static Action<TaskApiOptions> Read(Func<string, string?> environment)
    {
        var retries = Number(environment, MaxRetriesVariable, 0, 100);
        var baseDelay = Number(environment, RetryBaseDelayVariable, 0, 600_000);
        var attemptTimeout = Number(environment, AttemptTimeoutVariable, 10, 600_000); // Polly refuses timeouts under 10 ms
        var updateDeadline = Number(environment, UpdateDeadlineVariable, 20, 3_600_000);
        var readTimeout = Number(environment, ReadTimeoutVariable, 10, 600_000);
        return options =>
        {
            if (updateDeadline is { } u)
            {
                options.UpdateDeadline = TimeSpan.FromMilliseconds(u);
            }

            if (readTimeout is { } read)
            {
                options.ReadTimeout = TimeSpan.FromMilliseconds(read);
            }

            if (retries is { } r)
            {
                options.MaxRetryAttempts = r;
            }

            if (baseDelay is { } d)
            {
                options.BaseDelay = TimeSpan.FromMilliseconds(d);
            }

            if (attemptTimeout is { } t)
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(t);
            }
        };
    }

    private static int? Number(Func<string, string?> environment, string name, int min, int max)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new CliException($"{name} must be a whole number from {min} to {max}, not '{text}'");
    }
}
