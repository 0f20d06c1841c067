using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Reconciler.Testing.GitHub;

/// <summary>
/// A fake of the GitHub REST endpoints the publisher uses, on a real Kestrel socket at 127.0.0.1 (random port).
/// Serves the paths Octokit requests under <c>/api/v3</c> and at the root, checks the token, records every
/// request, paginates with Link headers, and fails on demand per route.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    private readonly FakeGitHubServerOptions options;
    private readonly FakeGitHubState state;
    private readonly List<FakeGitHubRequest> requests = [];
    private readonly Dictionary<FakeGitHubRoute, Queue<FakeGitHubFailure>> failures = [];
    private readonly Dictionary<FakeGitHubRoute, FakeGitHubFailure> standingFailures = [];
    private readonly WebApplication app;

    private FakeGitHubServer(FakeGitHubServerOptions options, WebApplication app)
    {
        this.options = options;
        state = new FakeGitHubState(options);
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The server's origin with a trailing slash, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Enterprise-style API root, <c>http://127.0.0.1:5123/api/v3/</c>.</summary>
    public Uri ApiUrl => new(BaseUrl, "api/v3/");

    /// <summary>The accepted token.</summary>
    public string Token => options.Token;

    /// <summary><c>owner/name</c> of the repository served.</summary>
    public string Repository => $"{options.Owner}/{options.Repository}";

    /// <summary>The login comments are created as.</summary>
    public string Login => options.Login;

    /// <summary>Every comment, oldest first.</summary>
    public IReadOnlyList<FakeIssueComment> Comments => Locked(() => state.Comments);

    /// <summary>Every pull request, added by the test or created through the API.</summary>
    public IReadOnlyList<FakePullRequest> PullRequests => Locked(() => state.PullRequests);

    /// <summary>Branches created through the API (name → commit).</summary>
    public IReadOnlyDictionary<string, string> Branches => Locked(() => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(state.Branches));

    /// <summary>Every commit status received, in order.</summary>
    public IReadOnlyList<FakeCommitStatus> Statuses => Locked(() => state.Statuses);

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<FakeGitHubRequest> Requests => Locked(() => (IReadOnlyList<FakeGitHubRequest>)[.. requests]);

    /// <summary>Starts a server on 127.0.0.1 with a random free port.</summary>
    public static async Task<FakeGitHubServer> StartAsync(FakeGitHubServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new FakeGitHubServer(options ?? new FakeGitHubServerOptions(), builder.Build());
        await server.app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Comments on one issue or pull request, oldest first.</summary>
    public IReadOnlyList<FakeIssueComment> CommentsOn(int issue) => [.. Comments.Where(c => c.IssueNumber == issue)];

    /// <summary>Requests that matched <paramref name="route"/>.</summary>
    public IReadOnlyList<FakeGitHubRequest> RequestsTo(FakeGitHubRoute route) => [.. Requests.Where(r => r.Route == route)];

    /// <summary>Forgets the requests recorded so far (seeding does not record any).</summary>
    public void ClearRequests() => Locked(requests.Clear);

    /// <summary>Adds a pull request (and so an issue that can carry comments).</summary>
    public FakePullRequest AddPullRequest(FakePullRequest pull) => Locked(() => state.AddPullRequest(pull));

    /// <summary>Adds a review of <paramref name="pullRequest"/> by <paramref name="login"/> on <paramref name="commitId"/> (state as GitHub spells it: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED).</summary>
    public FakeReview AddReview(int pullRequest, string login, string state, string commitId) =>
        Locked(() => this.state.AddReview(pullRequest, login, state, commitId));

    /// <summary>Makes <paramref name="login"/> a member of <c>@org/team</c> (<paramref name="membershipState"/>: active, or pending for an invitation not yet accepted).</summary>
    public void AddTeamMember(string org, string team, string login, string membershipState = "active") =>
        Locked(() => this.state.SetTeamMembership(org, team, login, membershipState));

    /// <summary>Adds a comment written by <paramref name="author"/> (by default someone else than the publisher).</summary>
    public FakeIssueComment AddComment(int issue, string body, string author = "operator", DateTimeOffset? createdAt = null) =>
        Locked(() => state.AddComment(issue, body, author, createdAt));

    /// <summary>Adds <paramref name="count"/> chatter comments by people, as a busy pull request has.</summary>
    public void AddForeignComments(int issue, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            AddComment(issue, $"Looks good to me ({i}). <!-- some-other-bot -->", i % 2 == 0 ? "reviewer" : "operator");
        }
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> fail with <paramref name="failure"/>.</summary>
    public void FailNext(FakeGitHubRoute route, FakeGitHubFailure failure, int times = 1) => Locked(() =>
    {
        if (!failures.TryGetValue(route, out var queue))
        {
            failures[route] = queue = new Queue<FakeGitHubFailure>();
        }

        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(failure);
        }
    });

    /// <summary>Every request to <paramref name="route"/> fails with <paramref name="failure"/> until <see cref="ClearFailures"/>.</summary>
    public void FailAlways(FakeGitHubRoute route, FakeGitHubFailure failure) => Locked(() => standingFailures[route] = failure);

    /// <summary>Removes every injected failure.</summary>
    public void ClearFailures() => Locked(() =>
    {
        failures.Clear();
        standingFailures.Clear();
    });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var (scheme, authorized) = CheckAuthorization(request.Headers.Authorization.ToString());
        var match = FakeGitHubRouter.Match(request.Method, request.Path.Value ?? "/", options.PathPrefixes);
        var failure = match is null || !authorized ? null : Locked(() => TakeFailure(match.Route));
        if (failure is { Delay.Ticks: > 0 })
        {
            await Task.Delay(failure.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        var root = $"{request.Scheme}://{request.Host}";
        var json = new FakeGitHubJson(root, root + (match?.Prefix ?? "/api/v3"), options.Owner, options.Repository);
        var response = !authorized ? FakeGitHubResponse.Error(401, "Bad credentials")
            : match is null ? FakeGitHubResponse.Error(404, "Not Found")
            : failure is { StatusCode: > 0 } ? Failed(failure, request)
            : Locked(() => state.Handle(match, request, body, json));

        Locked(() => requests.Add(new FakeGitHubRequest(
            request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, body.Length == 0 ? null : body,
            scheme, authorized, request.Headers.UserAgent.ToString(), match?.Route, response.StatusCode)));
        await WriteAsync(context.Response, response, context.RequestAborted).ConfigureAwait(false);
    }

    private (string? Scheme, bool Authorized) CheckAuthorization(string header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return (null, false);
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var value = space < 0 ? string.Empty : header[(space + 1)..];
        var known = scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
        return (known ? scheme : "other", known && value == options.Token);
    }

    private FakeGitHubFailure? TakeFailure(FakeGitHubRoute route)
    {
        if (failures.TryGetValue(route, out var queue) && queue.Count > 0)
        {
            return queue.Dequeue();
        }

        return standingFailures.GetValueOrDefault(route);
    }

    private static FakeGitHubResponse Failed(FakeGitHubFailure failure, HttpRequest request)
    {
        var message = failure.EchoAuthorization ? $"{failure.Message} (received: {request.Headers.Authorization})" : failure.Message;
        return FakeGitHubResponse.Error(failure.StatusCode, message) with { Headers = failure.Headers };
    }

    private static async Task WriteAsync(HttpResponse response, FakeGitHubResponse answer, CancellationToken cancellationToken)
    {
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        if (answer.Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(answer.Body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (state.Gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (state.Gate)
        {
            write();
        }
    }
}
