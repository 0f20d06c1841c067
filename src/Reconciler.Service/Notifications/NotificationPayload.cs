using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Secrets;
using Reconciler.Core.Tasks;
using Reconciler.Core.Text;

namespace Reconciler.Service.Notifications;

/// <summary>The request for one event to one receiver, in its format; signed when the robot has a sign secret.</summary>
public static class NotificationPayload
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // receivers and people read Chinese, not \uXXXX
    };

    public static (Uri Url, string Body) Build(NotifyTarget target, TaskEvent e, SecretRedactor secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(e);
        return target.Format switch
        {
            NotifyFormat.WeCom => (target.Url, Serialize(new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = Bounded(NotificationText.Plain(e, secrets), 2000) },
            })),
            NotifyFormat.DingTalk => (SignDingTalk(target, now), Serialize(new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["title"] = secrets.Redact(NotificationText.Title(e)), ["text"] = Bounded(NotificationText.Markdown(e, secrets), 4000) },
            })),
            NotifyFormat.Feishu => (target.Url, Serialize(SignFeishu(target, now, new JsonObject
            {
                ["msg_type"] = "text",
                ["content"] = new JsonObject { ["text"] = Bounded(NotificationText.Plain(e, secrets), 4000) },
            }))),
            _ => (target.Url, Serialize(Generic(e, secrets))),
        };
    }

    /// <summary>The generic JSON event (docs/service.md): machine-readable fields plus the same title and text.</summary>
    private static JsonObject Generic(TaskEvent e, SecretRedactor secrets)
    {
        var task = e.Task;
        return new JsonObject
        {
            ["event"] = e.Kind == TaskEventKind.RolloutHalted ? Word(e.Kind) : "task_" + Word(e.Kind),
            ["previous"] = e.Previous is { } previous ? "task_" + Word(previous) : null,
            ["title"] = secrets.Redact(NotificationText.Title(e)),
            ["text"] = NotificationText.Plain(e, secrets),
            ["task"] = new JsonObject
            {
                ["user_id"] = task.UserId,
                ["task_id"] = task.TaskId,
                ["name"] = task.Name,
                ["file"] = task.File,
                ["state"] = task.State.ToWord(),
                ["in_doubt"] = task.InDoubt,
                ["left_stopped"] = task.LeftStopped,
                ["api_code"] = task.ApiCode,
                ["message"] = secrets.RedactOrNull(task.Message),
            },
            ["repository"] = e.Repository,
            ["revision"] = e.Revision,
            ["at"] = e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
    }

    public static string Word(TaskEventKind kind) => kind switch
    {
        TaskEventKind.Blocked => "blocked",
        TaskEventKind.Failed => "failed",
        TaskEventKind.InDoubt => "in_doubt",
        TaskEventKind.LeftStopped => "left_stopped",
        TaskEventKind.Unverified => "unverified",
        TaskEventKind.RolloutHalted => "rollout_halted",
        TaskEventKind.PolicyBlocked => "policy_blocked",
        _ => "recovered",
    };

    /// <summary>DingTalk 加签: timestamp in ms + "\n" + secret, HMAC-SHA256 keyed by the secret, Base64, URL-encoded, as query parameters.</summary>
    private static Uri SignDingTalk(NotifyTarget target, DateTimeOffset now)
    {
        if (target.SigningSecret is not { } secret)
        {
            return target.Url;
        }

        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        var separator = string.IsNullOrEmpty(target.Url.Query) ? "?" : "&";
        return new Uri(target.Url + separator + "timestamp=" + timestamp + "&sign=" + WebUtility.UrlEncode(sign));
    }

    /// <summary>Feishu 签名校验: timestamp in seconds + "\n" + secret as the HMAC-SHA256 key of an empty message, Base64, in the body.</summary>
    private static JsonObject SignFeishu(NotifyTarget target, DateTimeOffset now, JsonObject body)
    {
        if (target.SigningSecret is { } secret)
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            body["timestamp"] = timestamp;
            body["sign"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + secret), Array.Empty<byte>()));
        }

        return body;
    }

    // The relaxed encoder leaves bidi controls and U+2028/U+2029 raw; written as \uXXXX they mean the same and cannot
    // reorder a log viewer's line or end a JavaScript string early.
    private static string Serialize(JsonObject body) => ControlText.EscapeJson(body.ToJsonString(Json));

    /// <summary>Robots refuse long messages (WeCom: 2,048 bytes of text): cut by UTF-8 bytes, on a character boundary.</summary>
    private static string Bounded(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes - 3)
            {
                break;
            }

            builder.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        return builder.Append('…').ToString();
    }
}
