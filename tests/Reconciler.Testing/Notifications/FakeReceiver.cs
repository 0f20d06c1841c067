using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reconciler.Testing.Notifications;

/// <summary>
/// A group robot on 127.0.0.1 (WeCom, DingTalk, Feishu or a plain JSON webhook): records every POST and answers
/// as told. <see cref="Hold"/> makes it keep requests open until <see cref="Release"/>, like a receiver that hangs.
/// </summary>
public sealed class FakeReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource _held = Completed();
    private int _inFlight;

    private FakeReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string PathAndQuery, string Body)> Requests { get; } = new();

    /// <summary>Status and body of the answer; robots answer 200 with an error code in the body.</summary>
    public Func<(int Status, string Body)> Answer { get; set; } = () => (200, """{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}""");

    public int InFlight => Volatile.Read(ref _inFlight);

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new FakeReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _held.TrySetResult();

    /// <summary>Waits (bounded by the token) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (Requests.Count < count)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            Requests.Enqueue((context.Request.Path + context.Request.QueryString, await reader.ReadToEndAsync(context.RequestAborted)));
            await _held.Task.WaitAsync(context.RequestAborted);
            var (status, body) = Answer();
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
