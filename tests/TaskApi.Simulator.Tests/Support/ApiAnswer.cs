using System.Net;
using System.Text.Json;

namespace TaskApi.Simulator.Tests.Support;

/// <summary>An answer as a test sees it: HTTP status, raw text and (when JSON) the envelope's fields.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Text, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public int Code => Json.GetProperty("code").GetInt32();

    public string Message => Json.GetProperty("message").GetString()!;

    public JsonElement Data => Json.GetProperty("data");
}
