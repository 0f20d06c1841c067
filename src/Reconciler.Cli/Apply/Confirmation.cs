namespace Reconciler.Cli.Apply;

/// <summary>Terraform's rule: apply asks on a terminal; anywhere else it needs --auto-approve.</summary>
internal static class Confirmation
{
    public static async Task<bool?> AskAsync(CliConsole console, bool autoApprove, CancellationToken cancellationToken)
    {
        if (autoApprove)
        {
            return true;
        }

        if (!console.InIsTerminal)
        {
            return null;
        }

        await console.Out.WriteAsync("Apply these changes? Only 'yes' will be accepted: ");
        var answer = await console.In.ReadLineAsync(cancellationToken);
        return string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal);
    }
}
