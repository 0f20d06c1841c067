using System.Net.Http.Headers;
using System.Text;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;

namespace TaskApi.Simulator.Tests.Support;

/// <summary>A plain HTTP client for the simulator: no retries, so each call is exactly one request.</summary>
public sealed class SimulatorClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = SimulatorFixture.WaitLimit };

    public HttpClient Http => _http;

    public Task<ApiAnswer> PutTaskAsync(TaskIdentity task, string body, string? token, string contentType = "application/json", CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"agent-api/new/user/{task.UserId}/task/{task.TaskId}", token, new StringContent(body, Encoding.UTF8, contentType), cancellationToken);

    public Task<ApiAnswer> StopTaskAsync(TaskIdentity task, string? token, string query = "", string? body = null) =>
        SendAsync(HttpMethod.Put, $"agent-api/new/user/{task.UserId}/task_stop/{task.TaskId}{query}", token,
            body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"), default);

    public Task<ApiAnswer> DetailAsync(TaskIdentity task, string? token, string query = "") =>
        SendAsync(HttpMethod.Get, $"agent-api/new/user/{task.UserId}/task/{task.TaskId}/edit{query}", token, null, default);

    public Task<ApiAnswer> ListAsync(string userId, string? token, string query = "") =>
        SendAsync(HttpMethod.Get, $"agent-api/new/user/{userId}/task{query}", token, null, default);

    public Task<ApiAnswer> ControlAsync(HttpMethod method, string path, string? json = null) =>
        SendAsync(method, "_simulator/" + path, null, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"), default);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, string? token, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiAnswer(response.StatusCode, text, response);
    }

    public void Dispose() => _http.Dispose();
}
