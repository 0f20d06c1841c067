using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskApi.Simulator.Api;

/// <summary>The platform's envelopes: <c>{"code","status","message","data"}</c>.</summary>
internal static class ApiReplies
{
    public const string Json = "application/json; charset=utf-8";

    // Readable Chinese in answers and logs; clients must decode JSON properly either way.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ApiReply Success(string message) => Envelope(200, ApiCodes.Success, "success", message, w => w.WriteStringValue(""));

    public static ApiReply Error(int code, string message) =>
        Envelope(200, code, "error", message, w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        });

    public static ApiReply Unauthenticated() =>
        Envelope(401, ApiCodes.Unauthenticated, "error", "Unauthenticated.", w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        });

    public static ApiReply TooManyRequests(int retryAfterSeconds) =>
        Envelope(429, ApiCodes.TooManyRequests, "error", "请求过于频繁,请稍后再试", w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        }) with { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>What a proxy in front of the platform sends: HTML, not JSON.</summary>
    public static ApiReply Html(int httpStatus, string reason) => new(
        httpStatus,
        $"<html><head><title>{httpStatus} {reason}</title></head><body><center><h1>{httpStatus} {reason}</h1></center></body></html>",
        "text/html; charset=utf-8",
        null);

    public static ApiReply Data(JsonNode data, JsonObject? meta = null) =>
        Envelope(200, ApiCodes.Success, "success", "获取成功", w =>
        {
            data.WriteTo(w);
        }, meta);

    private static ApiReply Envelope(int httpStatus, int code, string status, string message, Action<Utf8JsonWriter> writeData, JsonObject? meta = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", code);
            writer.WriteString("status", status);
            writer.WriteString("message", message);
            if (meta is not null)
            {
                writer.WritePropertyName("meta");
                meta.WriteTo(writer);
            }

            writer.WritePropertyName("data");
            writeData(writer);
            writer.WriteEndObject();
        }

        return new ApiReply(httpStatus, Encoding.UTF8.GetString(buffer.ToArray()), Json, code);
    }
}
