using System.Net.Http.Headers;
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
    private int _unauthorized;

    private GitHttpServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>How many requests were refused for missing or wrong credentials.</summary>
    public int Unauthorized => _unauthorized;

    public string UrlFor(string repositoryName) => $"{BaseUrl}/{repositoryName}";

    public static async Task<GitHttpServer> StartAsync(string projectRoot, string? requiredToken = null)
    {
        var git = GitCli.Executable ?? throw new InvalidOperationException(GitCli.SkipReason);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        GitHttpServer? server = null;
        app.Run(context =>
        {
            if (requiredToken is not null && !HasToken(context.Request, requiredToken))
            {
                Interlocked.Increment(ref server!._unauthorized);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test git server\"";
                return Task.CompletedTask;
            }

            return GitCgiGateway.RunAsync(git, projectRoot, context);
        });
        await app.StartAsync();
        var address = app.Urls.First().TrimEnd('/');
        server = new GitHttpServer(app, address);
        return server;
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
