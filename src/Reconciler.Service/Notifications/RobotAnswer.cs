using System.Text.Json;

namespace Reconciler.Service.Notifications;

/// <summary>
/// Whether a receiver took the message. Group robots answer HTTP 200 with an error code in the body
/// (WeCom and DingTalk <c>errcode</c>, Feishu <c>code</c> or the older <c>StatusCode</c>); 0 is success.
/// </summary>
internal static class RobotAnswer
{
    /// <returns>Null when accepted; else a short reason (the receiver's code and message, never the URL).</returns>
    public static string? Problem(NotifyFormat format, int status, string body)
    {
        if (status is < 200 or >= 300)
        {
            return $"HTTP {status}";
        }

        if (format == NotifyFormat.Json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var (codeName, messageName) = format == NotifyFormat.Feishu ? ("code", "msg") : ("errcode", "errmsg");
            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty(codeName, out var code) || (format == NotifyFormat.Feishu && root.TryGetProperty("StatusCode", out code))))
            {
                if (code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var value) && value == 0)
                {
                    return null;
                }

                var message = root.TryGetProperty(messageName, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
                return $"{codeName} {code.GetRawText()}: {Core.Text.ControlText.Escape(message)}";
            }

            return "an answer without " + codeName;
        }
        catch (JsonException)
        {
            return "an answer that is not JSON";
        }
    }
}
