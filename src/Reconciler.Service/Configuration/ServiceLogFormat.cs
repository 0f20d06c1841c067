namespace Reconciler.Service.Configuration;

/// <summary>How the service writes its log lines on stdout.</summary>
public enum ServiceLogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Text,

    /// <summary>One JSON object per line (Microsoft.Extensions.Logging's JSON console format), for log collectors.</summary>
    Json,
}
