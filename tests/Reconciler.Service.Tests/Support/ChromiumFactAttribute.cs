namespace Reconciler.Service.Tests.Support;

/// <summary>
/// A fact that needs a real Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs). Skipped,
/// with the reason shown, only where no Chromium exists; Playwright never downloads a browser here.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string PathVariable = "RECONCILER_CHROMIUM";

    /// <param name="postgres">The test also needs PostgreSQL (a shared state): skipped, saying why, when there is none.</param>
    public ChromiumFactAttribute(bool postgres = false)
    {
        if (ExecutablePath is null)
        {
            Skip = $"no Chromium at /usr/bin/chromium (or ${PathVariable}): install Debian's chromium package (.ci/run does) to run the status page in a real browser";
        }
        else if (postgres)
        {
            Skip = Reconciler.Testing.Postgres.PostgresTestServer.SkipReason;
        }
    }

    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable(PathVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
