using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Service.Http;
using Reconciler.Service.Tests.Support;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// Issue 20: 68 unauthenticated connections declaring a 100 kB body and sending it at 1 byte/s filled the webhook gate,
/// and a correctly signed push then got 503. Unsigned deliveries now have their own lane, each lane a per-client limit,
/// and every body a read deadline.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ServiceWebhookSlowClientTests
{
    private const int SlowClients = 68;

    [Fact]
    public async Task Webhook_ManySlowUnsignedConnections_ASignedPushStillGetsThrough()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var slow = await Task.WhenAll(Enumerable.Range(0, SlowClients).Select(_ => SlowClient.OpenAsync(service.App.BaseAddress, signature: null, service.Token)));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), service.Token); // every slow client has sent its headers and is trickling

            using var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody());

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(1, service.App.Services.GetRequiredService<TriggerQueue>().Requested);
        }
        finally
        {
            foreach (var client in slow)
            {
                client.Dispose();
            }
        }

        // A few lines about the refused deliveries, never one per request.
        Assert.InRange(service.Logs.Lines.Count(l => l.Contains("webhook rejected", StringComparison.Ordinal)), 0, 10);
    }

    [Fact]
    public async Task Webhook_ABodyTrickledPastTheDeadline_Gets408AndFreesItsTurn()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var gate = service.App.Services.GetRequiredService<GitHubWebhook>().Gate;
        gate.ReadDeadline = TimeSpan.FromSeconds(2);

        // Two clients with a well-formed (wrong) signature take this address's whole share of the signed lane.
        using var first = await SlowClient.OpenAsync(service.App.BaseAddress, "sha256=" + new string('0', 64), service.Token);
        using var second = await SlowClient.OpenAsync(service.App.BaseAddress, "sha256=" + new string('0', 64), service.Token);

        Assert.Equal(408, await first.StatusAsync(service.Token));
        Assert.Equal(408, await second.StatusAsync(service.Token));
        using var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("reconciler_webhooks_total{result=\"timeout\"} 2", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
    }

    /// <summary>A raw connection that sends a webhook's headers, then its declared body one byte a second.</summary>
    private sealed class SlowClient : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _trickle;

        private SlowClient(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _trickle = Task.Run(TrickleAsync);
        }

        public static async Task<SlowClient> OpenAsync(Uri baseAddress, string? signature, CancellationToken cancellationToken)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
            var headers = new StringBuilder()
                .Append("POST /hooks/github HTTP/1.1\r\n")
                .Append("Host: ").Append(baseAddress.Authority).Append("\r\n")
                .Append("Content-Type: application/json\r\nContent-Length: 100000\r\n")
                .Append("X-GitHub-Event: push\r\nX-GitHub-Delivery: slow\u001b[2J\r\n");
            if (signature is not null)
            {
                headers.Append(WebhookSignature.Header).Append(": ").Append(signature).Append("\r\n");
            }

            await tcp.GetStream().WriteAsync(Encoding.Latin1.GetBytes(headers.Append("\r\n").ToString()), cancellationToken);
            return new SlowClient(tcp);
        }

        /// <summary>The status code the server answered with (it answers before the body is complete).</summary>
        public async Task<int> StatusAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[256];
            var read = await _stream.ReadAsync(buffer, cancellationToken);
            var line = Encoding.ASCII.GetString(buffer, 0, read);
            return int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _trickle.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The server closed the connection: nothing more to send.
            }

            _tcp.Dispose();
            _stop.Dispose();
        }

        private async Task TrickleAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await _stream.WriteAsync("{"u8.ToArray(), _stop.Token);
                    await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Stopped, or cut off by the server.
            }
        }
    }
}
