using Microsoft.Extensions.Options;

namespace Reconciler.TaskApi;

/// <summary>Refuses unusable options when the client is first resolved, with a message the CLI can print as is.</summary>
internal sealed class TaskApiOptionsValidator : IValidateOptions<TaskApiOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskApiOptions options)
    {
        var problems = new List<string>();
        if (TaskApiBaseAddress.Problem(options.BaseAddress) is { } address)
        {
            problems.Add(address);
        }

        if (options.MaxRetryAttempts is < 0 or > 100)
        {
            problems.Add("MaxRetryAttempts must be between 0 and 100");
        }

        // Polly refuses timeouts under 10 ms.
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.TotalTimeout < TimeSpan.FromMilliseconds(10))
        {
            problems.Add("AttemptTimeout and TotalTimeout must be at least 10 ms");
        }

        if (options.UpdateDeadline < options.AttemptTimeout * 2)
        {
            problems.Add("UpdateDeadline must be at least twice AttemptTimeout (one retry must fit before the deadline)");
        }

        if (options.ReadTimeout < TimeSpan.FromMilliseconds(10))
        {
            problems.Add("ReadTimeout must be at least 10 ms");
        }

        if (options.MaxRequestsPerSecond is { } rate && !(rate is >= TaskApiOptions.LowestRate and <= TaskApiOptions.HighestRate))
        {
            problems.Add($"MaxRequestsPerSecond must be from {TaskApiOptions.LowestRate} to {TaskApiOptions.HighestRate}");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add("BaseDelay, MaxDelay and MaxRetryAfter must not be negative");
        }

        if (options.MaxResponseBytes < 1024)
        {
            problems.Add("MaxResponseBytes must be at least 1024");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
