using System.CommandLine;
using Reconciler.TaskApi;

namespace Reconciler.Cli.Commands;

/// <summary>Where the task API is and how apply talks to it.</summary>
internal sealed class ApiOptions
{
    public const string UrlVariable = "RECONCILER_API_URL";

    public Option<string?> ApiUrl { get; } = new("--api-url")
    {
        Description = $"Task API base URL. Default: ${UrlVariable}, else {TaskApiOptions.DefaultBaseAddress}. A non-loopback http:// URL is refused.",
    };

    public Option<int> Parallelism { get; } = new("--parallelism")
    {
        Description = "Requests to the platform in flight at once (default 4): the PUTs and stops of apply, the detail reads of --refresh and of the running check, the list and detail reads of import.",
        DefaultValueFactory = _ => 4,
    };

    public Option<double?> MaxRps { get; } = new("--max-rps")
    {
        Description = $"At most N requests a second to the platform, every worker and retry counted (from {TaskApiOptions.LowestRate} to {TaskApiOptions.HighestRate}; default: no limit). A 429 pauses every worker for its Retry-After either way.",
    };

    public Option<bool> Verify { get; } = new("--verify")
    {
        Description = "After each accepted update, read the task back (one detail read) and compare every field the detail carries with what was sent: verified, unverified: FIELDS (exit code 4), or unknown.",
    };

    public Option<bool> NoRunningCheck { get; } = new("--no-running-check")
    {
        Description = "Do not read each changed task's running state before applying (by default the plan says 'blocked: running' up front).",
    };

    public Option<bool> Simulator { get; } = new("--simulator")
    {
        Description = $"Use the built-in task API simulator instead of the platform (for demos and trials): plan and apply against its own state ({StateOptions.SimulatorDefaultPath} unless --state), apply (and --refresh) talk to it in-process on a free loopback port, and the tasks it holds are kept beside that state ({StateOptions.SimulatorPlatformPath}), so the next run finds them as a platform would.",
    };

    /// <summary>The staged rollout's flags (apply only).</summary>
    public RolloutFlags Rollout { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(ApiUrl);
        command.Options.Add(Parallelism);
        command.Options.Add(MaxRps);
        command.Options.Add(Verify);
        command.Options.Add(NoRunningCheck);
        command.Options.Add(Simulator);
        Rollout.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Simulator) && result.GetValue(ApiUrl) is not null)
            {
                result.AddError("--simulator and --api-url cannot be used together");
            }
        });
    }

    public int GetParallelism(ParseResult result) =>
        result.GetValue(Parallelism) is var value and >= 1 ? value : throw new CliException("--parallelism must be at least 1");

    /// <summary>The client's tuning: the environment's (<see cref="Apply.ApiTuning"/>) and <c>--max-rps</c>, read and checked now.</summary>
    public Action<TaskApiOptions> Tuning(ParseResult result, CliConsole console)
    {
        var environment = Apply.ApiTuning.Read(console.Environment);
        var rate = result.GetValue(MaxRps);
        if (rate is { } r && !(r is >= TaskApiOptions.LowestRate and <= TaskApiOptions.HighestRate))
        {
            throw new CliException($"--max-rps must be from {TaskApiOptions.LowestRate} to {TaskApiOptions.HighestRate}");
        }

        return options =>
        {
            environment(options);
            options.MaxRequestsPerSecond = rate;
        };
    }

    public Uri BaseAddress(ParseResult result, CliConsole console)
    {
        var text = result.GetValue(ApiUrl) ?? console.Environment(UrlVariable) ?? TaskApiOptions.DefaultBaseAddress;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new CliException($"'{text}' is not an absolute URL (--api-url / {UrlVariable})");
        }

        if (TaskApiBaseAddress.Problem(uri) is { } problem)
        {
            throw new CliException(problem);
        }

        return uri;
    }
}
