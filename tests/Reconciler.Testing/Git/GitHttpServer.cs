using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reconciler.Testing.Git;

/// <summary>
/// Serves every repository under a folder over smart HTTP on 127.0.0.1: Kestrel hands each request to
/// <c>git http-backend</c> as a CGI. With a token, requests must carry Basic credentials
/// <c>x-access-token:&lt;token&gt;</c> (as GitHub expects), otherwise 401. Requires the git CLI.
/// </summary>
public sealed class GitHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _unauthorized;

    private GitHttpServer(WebApplication app, string baseUrl, StrongBox<int> unauthorized)
    {
        _app = app;
        BaseUrl = baseUrl;
        _unauthorized = unauthorized;
    }

    public string BaseUrl { get; }

    /// <summary>How many requests were refused for missing or wrong credentials.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized.Value);

    public string UrlFor(string repositoryName) => $"{BaseUrl}/{repositoryName}";

    /// <param name="beforeRequest">Runs before each request is served: lets a test delay or observe the transfer mid-way.</param>
    public static async Task<GitHttpServer> StartAsync(string projectRoot, string? requiredToken = null, Func<HttpRequest, Task>? beforeRequest = null)
    {
        var git = GitCli.Executable ?? throw new InvalidOperationException(GitCli.SkipReason);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var unauthorized = new StrongBox<int>();
        app.Run(async context =>
        {
            if (requiredToken is not null && !HasToken(context.Request, requiredToken))
            {
                Interlocked.Increment(ref unauthorized.Value);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test git server\"";
                return;
            }

            if (beforeRequest is not null)
            {
                await beforeRequest(context.Request);
            }

            await GitCgiGateway.RunAsync(git, projectRoot, context);
        });
        await app.StartAsync();
        var address = app.Urls.First().TrimEnd('/');
        return new GitHttpServer(app, address, unauthorized);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            return pair == "x-access-token:" + token;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
