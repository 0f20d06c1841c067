using Microsoft.Extensions.Logging;
using Reconciler.Cli.Apply;
using Reconciler.Cli.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Cli.Tests.Output;

/// <summary>The CLI's own lines (apply progress and failures, log lines) escape text from outside too.</summary>
public sealed class ControlTextOutputTests
{
    [Fact]
    public void ApplyProgressLine_ApiMessageAndNameWithControls_AreEscaped()
    {
        var entry = new PlanEntry(PlanAction.Update, new TaskIdentity("u", "t"), "a\u001b[2Jb", new SourceLocation("a.yaml", 1, 1), [], []);
        var result = new TaskApplyResult(entry, ApplyOutcome.Rejected, 422, "bad\r\u001b[31mvalue\u202e", TimeSpan.Zero);

        Assert.Equal("rejected  a\\x1B[2Jb (t) [code 422]: bad\\r\\x1B[31mvalue\\u202E", ApplyProgress.Line(result));
    }

    [Fact]
    public void LogLine_MessageWithControls_IsEscaped()
    {
        var writer = new StringWriter();
        using var provider = new TextWriterLoggerProvider(writer);

        provider.CreateLogger("test").LogWarning("state of {Task} unknown ({Reason})", "u/t", "proxy said \u001b[2J\nbye");

        Assert.Equal("reconciler: warning: state of u/t unknown (proxy said \\x1B[2J\\nbye)\n", writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
