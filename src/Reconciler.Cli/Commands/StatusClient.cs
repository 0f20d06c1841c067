using System.Text.Json;
using Reconciler.Core.Text;
using Reconciler.Service.Status;

namespace Reconciler.Cli.Commands;

/// <summary>
/// Reads a running service's <c>/status</c> as the one contract type (<see cref="StatusSnapshot"/>, with the
/// service's own <see cref="StatusJson"/>): <c>reconciler status</c> and <c>sync</c> never pick it apart by string keys.
/// </summary>
internal static class StatusClient
{
    /// <exception cref="CliException">The service is unreachable, answers an error, or answers something that is not this contract.</exception>
    public static async Task<StatusSnapshot> ReadAsync(HttpClient client, Uri address, string query, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var response = await client.GetAsync(query, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException($"{address}status answered HTTP {(int)response.StatusCode}: {ControlText.Escape(body.Length > 200 ? body[..200] : body)}");
            }
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(address, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the service at {address} did not answer within 15 s", e);
        }

        try
        {
            return StatusJson.Read(body);
        }
        catch (JsonException e)
        {
            throw new CliException($"{address}status did not answer a status this reconciler reads ({ControlText.Escape(e.Message)}): is it a reconciler service of the same version?", e);
        }
    }

    public static CliException Unreachable(Uri address, HttpRequestException e) =>
        new($"cannot reach the service at {address} ({e.Message}); is `reconciler run` listening there? (--server / {ServerOptions.Variable})", e);
}
