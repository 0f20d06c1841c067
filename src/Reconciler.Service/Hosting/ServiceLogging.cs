using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Reconciler.Service.Configuration;

namespace Reconciler.Service;

/// <summary>
/// Logging of the service: text or JSON lines on stdout (journald and log collectors read it), with the noise
/// of every HTTP request and of Kestrel turned down. Nothing logged carries a secret: tokens live only in
/// Authorization headers (redacted by the API client) and the webhook secret is never formatted.
/// </summary>
internal static class ServiceLogging
{
    public static void Configure(ILoggingBuilder logging, ServiceOptions options, ServiceHostOverrides overrides)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.LogLevel);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        if (overrides.WriteConsole)
        {
            if (options.LogFormat == ServiceLogFormat.Json)
            {
                logging.AddJsonConsole(json =>
                {
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    json.IncludeScopes = false;

                    // Task names and file names are Chinese: keep them readable ("外呼", not "\u5916\u547C"); JSON
                    // still escapes quotes and control characters.
                    json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                });
            }
            else
            {
                logging.AddSimpleConsole(text =>
                {
                    text.SingleLine = true;
                    text.UseUtcTimestamp = true;
                    text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                    text.ColorBehavior = LoggerColorBehavior.Disabled;
                });
            }
        }

        overrides.ConfigureLogging?.Invoke(logging);

        // Last, so every provider (tests' too) writes through the one escaping of outside text.
        EscapingLoggerProvider.WrapAll(logging.Services);
    }
}
