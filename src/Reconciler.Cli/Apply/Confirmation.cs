namespace Reconciler.Cli.Apply;

/// <summary>Terraform's rule: apply asks on a terminal; anywhere else it needs --auto-approve.</summary>
internal static class Confirmation
{
    /// <returns>True: go on. False: declined, end of input, or Ctrl-C at the prompt (nothing is sent). Null: no terminal to ask.</returns>
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

        // A console read ignores its token (it blocks in the kernel), so Ctrl-C, which cancels the token, would
        // leave the prompt waiting: race the read against the token instead. The abandoned read ends with the process.
        var read = Task.Run(() => console.In.ReadLineAsync(CancellationToken.None).AsTask(), CancellationToken.None);
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(read, cancelled) != read)
        {
            await console.Out.WriteLineAsync();
            return false;
        }

        return string.Equals((await read)?.Trim(), "yes", StringComparison.Ordinal);
    }

    /// <summary>Asks as <see cref="AskAsync"/>; declined says "<paramref name="what"/> cancelled."; no terminal without --auto-approve is a usage error.</summary>
    /// <param name="command">The command's name for the error (<c>apply</c>, <c>rollback</c>).</param>
    /// <param name="what">What was declined, for the line (<c>Apply</c>, <c>Rollback</c>).</param>
    /// <exception cref="CliException">No terminal to ask and no --auto-approve.</exception>
    public static async Task<bool> ConfirmAsync(CliConsole console, bool autoApprove, string command, string what, CancellationToken cancellationToken)
    {
        switch (await AskAsync(console, autoApprove, cancellationToken))
        {
            case null:
                throw new CliException($"{command} needs --auto-approve when it is not run from a terminal");
            case false:
                await console.Out.WriteLineAsync($"{what} cancelled.");
                return false;
            default:
                return true;
        }
    }
}
